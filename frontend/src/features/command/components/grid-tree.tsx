import { Button, Spin, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridNode } from '@/lib/api-types';

export interface GridTreeProps {
  nodes: readonly GridNode[];
  loading?: boolean;
  selected: string | null;
  onSelect: (code: string | null) => void;
}

/** Builds city → district → street → community from flat lists, children in code order. */
export function buildGridTree(nodes: readonly GridNode[]): DataNode[] {
  const byParent = new Map<string | null, GridNode[]>();
  const codes = new Set(nodes.map((node) => node.code));
  for (const node of [...nodes].sort((a, b) => a.code.localeCompare(b.code))) {
    const parent = node.parentCode && codes.has(node.parentCode) ? node.parentCode : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
  }
  const build = (parent: string | null): DataNode[] =>
    (byParent.get(parent) ?? []).map((node) => ({
      key: node.code,
      title: <span data-testid={`grid-node-${node.code}`}>{node.name}</span>,
      children: build(node.code),
    }));
  return build(null);
}

/** Click a grid node to filter the whole wall to it and everything under it. */
export function GridTree({ nodes, loading, selected, onSelect }: GridTreeProps) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildGridTree(nodes), [nodes]);
  const expanded = useMemo(() => nodes.filter((node) => node.level !== 'community').map((node) => node.code), [nodes]);
  if (loading) return <Spin />;
  return (
    <div className="grid-tree" data-testid="grid-tree">
      <Button size="small" type={selected ? 'default' : 'primary'} onClick={() => onSelect(null)} data-testid="grid-all" block>
        {t('command.grid.all')}
      </Button>
      <Tree
        blockNode
        treeData={tree}
        selectedKeys={selected ? [selected] : []}
        defaultExpandedKeys={expanded}
        onSelect={(keys) => onSelect(keys.length > 0 ? String(keys[0]) : null)}
      />
    </div>
  );
}
