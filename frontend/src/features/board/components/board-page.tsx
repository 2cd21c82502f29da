import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LiveIndicator } from '@/components/live-indicator';
import { QueryError } from '@/components/query-error';
import { useDepartmentBoard } from '@/features/board/api/get-department-board';
import { useDepartments } from '@/features/board/api/list-departments';
import { CaseDrawer } from '@/features/board/components/case-drawer';
import { CaseTable } from '@/features/board/components/case-table';
import { useNewCaseNotifications } from '@/features/board/hooks/use-new-case-notifications';
import { localName } from '@/lib/i18n';
import { useBoardLive, useBoardSubscription } from '@/lib/realtime';
import { useMe } from '@/lib/session';

/** A department's open cases, kept live by the board hub. */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const ownDepartment = me.data?.departmentKey ?? undefined;
  const departments = useDepartments(!ownDepartment);
  const departmentKey = ownDepartment ?? params.get('department') ?? undefined;
  const board = useDepartmentBoard(departmentKey);
  const [open, setOpen] = useState<{ id: string; version: number } | null>(null);

  const subscription = departmentKey ? ({ kind: 'department', key: departmentKey } as const) : null;
  useBoardSubscription(subscription);
  const live = useBoardLive(subscription);
  useNewCaseNotifications(departmentKey, board.data?.cases);

  const openVersion = open ? board.data?.cases.find((item) => item.id === open.id)?.version ?? open.version : undefined;
  const department = board.data?.department;

  return (
    <div className="board-page">
      <Flex justify="space-between" align="center" wrap gap={12} className="board-page__header">
        <Flex align="center" gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="board-title">
            {department ? localName(i18n.language, department.nameZh, department.nameEn) : t('board.title')}
          </Typography.Title>
          {departmentKey ? <LiveIndicator live={live} /> : null}
          {board.data ? <Tag data-testid="board-count">{t('board.openCount', { count: board.data.cases.length })}</Tag> : null}
        </Flex>
        <Flex gap={8} align="center">
          {!ownDepartment ? (
            <Select
              style={{ minWidth: 260 }}
              placeholder={t('board.pickDepartment')}
              loading={departments.isPending}
              value={departmentKey}
              onChange={(key: string) => setParams({ department: key })}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((item) => ({
                value: item.key,
                label: localName(i18n.language, item.nameZh, item.nameEn),
              }))}
              data-testid="department-select"
            />
          ) : null}
          <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isFetching} disabled={!departmentKey}>
            {t('common.refresh')}
          </Button>
        </Flex>
      </Flex>
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : departmentKey ? (
        <CaseTable
          cases={board.data?.cases ?? []}
          loading={board.isPending}
          onOpen={(item) => setOpen({ id: item.id, version: item.version })}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('board.noDepartment')}</Typography.Paragraph>
      )}
      <CaseDrawer caseId={open?.id ?? null} version={openVersion} onClose={() => setOpen(null)} />
    </div>
  );
}
