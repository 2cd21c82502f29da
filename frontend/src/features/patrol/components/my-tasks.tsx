import { ReloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseActions } from '@/components/case-actions';
import { CaseDetails } from '@/components/case-drawer';
import { QueryError } from '@/components/query-error';
import { StateTag } from '@/components/state-tag';
import { useMyTasks } from '@/features/patrol/api/list-my-tasks';
import type { CaseSummary } from '@/lib/api-types';
import { useCase } from '@/lib/api/get-case';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

/** The on-site tasks of a patroller: 核实 (verify a report) and 核查 (check the department's work). */
export const TASK_STATES: ReadonlySet<string> = new Set(['Verifying', 'Checking']);
const TASK_ACTIONS = ['verify', 'check'] as const;

export function isTask(item: CaseSummary): boolean {
  return TASK_STATES.has(item.state);
}

function TaskDrawer({ task, onClose }: { task: CaseSummary | null; onClose: () => void }) {
  const [acted, setActed] = useState<number>(0);
  const detail = useCase(task?.id ?? null, Math.max(task?.version ?? 0, acted) || undefined);
  return (
    <Drawer
      open={!!task}
      onClose={onClose}
      placement="right"
      size="100%"
      title={detail.data?.number ?? task?.number}
      destroyOnHidden
      data-testid="task-drawer"
      footer={
        detail.data ? (
          <CaseActions
            item={detail.data}
            only={TASK_ACTIONS}
            size="large"
            block
            onDone={(updated) => {
              setActed(updated.version);
              onClose();
            }}
          />
        ) : null
      }
    >
      {detail.isPending ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <CaseDetails item={detail.data} /> : null}
    </Drawer>
  );
}

export function MyTasks() {
  const { t, i18n } = useTranslation();
  const cases = useMyTasks();
  const [open, setOpen] = useState<CaseSummary | null>(null);
  if (cases.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (cases.isError) return <QueryError error={cases.error} onRetry={() => void cases.refetch()} />;
  const tasks = cases.data.filter(isTask);
  return (
    <Flex vertical gap={8} data-testid="my-tasks">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('patrol.tasks.hint')}</Typography.Text>
        <Button
          icon={<ReloadOutlined />}
          size="small"
          loading={cases.isFetching}
          onClick={() => void cases.refetch()}
          data-testid="tasks-refresh"
        >
          {t('common.refresh')}
        </Button>
      </Flex>
      {tasks.length === 0 ? <Empty description={t('patrol.tasks.none')} /> : null}
      {tasks.map((item) => (
        <div key={item.id} className="task-card" data-testid={`task-${item.number}`} onClick={() => setOpen(item)}>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{item.number}</Typography.Text>
            <StateTag state={item.state} />
          </Flex>
          <div>
            {t(item.state === 'Verifying' ? 'patrol.tasks.verify' : 'patrol.tasks.check')} · {item.categoryCode}{' '}
            {localName(i18n.language, item.categoryNameZh, item.categoryNameEn)}
          </div>
          <Typography.Text type="secondary">{formatDateTime(item.updatedAt, i18n.language)}</Typography.Text>
        </div>
      ))}
      <TaskDrawer
        task={open}
        onClose={() => {
          setOpen(null);
          void cases.refetch();
        }}
      />
    </Flex>
  );
}
