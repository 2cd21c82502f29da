import { ReloadOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CaseDrawer } from '@/components/case-drawer';
import { LiveIndicator } from '@/components/live-indicator';
import { QueryError } from '@/components/query-error';
import { useDepartmentBoard } from '@/features/board/api/get-department-board';
import { assignedTo, CaseFilters, filterCases, NO_FILTER, type CaseFilter } from '@/features/board/components/case-filters';
import { CaseTable } from '@/features/board/components/case-table';
import { useNewCaseNotifications } from '@/features/board/hooks/use-new-case-notifications';
import { useDepartments } from '@/lib/api/list-departments';
import { readSoundPreference, writeSoundPreference } from '@/lib/chime';
import { effectiveLight, useNow } from '@/lib/deadline';
import { localName } from '@/lib/i18n';
import { useBoardLive, useBoardSubscription } from '@/lib/realtime';
import { useMe } from '@/lib/session';
import { useFreshIds } from '@/lib/use-fresh-ids';

/** A department's open cases with their countdowns, kept live by the board hub. */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const ownDepartment = me.data?.departmentKey ?? undefined;
  const departments = useDepartments(!ownDepartment);
  const departmentKey = ownDepartment ?? params.get('department') ?? undefined;
  const board = useDepartmentBoard(departmentKey);
  const [open, setOpen] = useState<{ id: string; version: number } | null>(null);
  const [filter, setFilter] = useState<CaseFilter>(NO_FILTER);
  // A handler's own queue (内部派遣): the cases given to them by name, beside the department's whole queue.
  const [mineOnly, setMineOnly] = useState(false);
  const userName = me.data?.userName;
  const [sound, setSound] = useState(readSoundPreference);
  const now = useNow(10000);

  const subscription = departmentKey ? ({ kind: 'department', key: departmentKey } as const) : null;
  useBoardSubscription(subscription);
  const live = useBoardLive(subscription);
  useNewCaseNotifications(departmentKey, board.data?.cases, sound);
  const fresh = useFreshIds(board.data?.cases, 15000);

  const cases = board.data?.cases;
  const mine = useMemo(() => assignedTo(cases ?? [], userName), [cases, userName]);
  const shown = useMemo(() => filterCases(mineOnly ? mine : (cases ?? []), filter, now), [cases, mine, mineOnly, filter, now]);
  const overdue = (cases ?? []).filter((item) => effectiveLight(item.light, item.nextDeadline, now) === 'Red').length;

  const openVersion = open ? board.data?.cases.find((item) => item.id === open.id)?.version ?? open.version : undefined;
  const department = board.data?.department;

  return (
    <div className="board-page">
      <Flex justify="space-between" align="center" wrap gap={12} className="board-page__header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="board-title">
            {department ? localName(i18n.language, department.nameZh, department.nameEn) : t('board.title')}
          </Typography.Title>
          {departmentKey ? <LiveIndicator live={live} /> : null}
          {board.data ? <Tag data-testid="board-count">{t('board.openCount', { count: board.data.cases.length })}</Tag> : null}
          {overdue > 0 ? (
            <Tag color="red" data-testid="board-overdue">
              {t('board.overdueCount', { count: overdue })}
            </Tag>
          ) : null}
        </Flex>
        <Flex gap={12} align="center" wrap>
          <span className="board-page__sound">
            <SoundOutlined />{' '}
            <Switch
              size="small"
              checked={sound}
              onChange={(on) => {
                setSound(on);
                writeSoundPreference(on);
              }}
              data-testid="sound-switch"
              aria-label={t('board.sound')}
            />{' '}
            {t('board.sound')}
          </span>
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
      {ownDepartment && board.data ? (
        <Segmented<'all' | 'mine'>
          value={mineOnly ? 'mine' : 'all'}
          onChange={(value) => setMineOnly(value === 'mine')}
          options={[
            { value: 'all', label: <span data-testid="board-scope-all">{t('departments.board.all')} ({board.data.cases.length})</span> },
            { value: 'mine', label: <span data-testid="board-scope-mine">{t('departments.board.mine')} ({mine.length})</span> },
          ]}
          data-testid="board-scope"
        />
      ) : null}
      {departmentKey && board.data ? <CaseFilters cases={board.data.cases} value={filter} onChange={setFilter} /> : null}
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : departmentKey ? (
        <CaseTable
          cases={shown}
          loading={board.isPending}
          fresh={fresh}
          onOpen={(item) => setOpen({ id: item.id, version: item.version })}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('board.noDepartment')}</Typography.Paragraph>
      )}
      <CaseDrawer caseId={open?.id ?? null} version={openVersion} onClose={() => setOpen(null)} />
    </div>
  );
}
