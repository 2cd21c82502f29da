import { Flex, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '@/components/map-view';
import { LiveIndicator } from '@/components/live-indicator';
import { QueryError } from '@/components/query-error';
import { useCommandBoard } from '@/features/command/api/get-command-board';
import { LiveCaseList } from '@/features/command/components/live-case-list';
import { StateCounters } from '@/features/command/components/state-counters';
import { useFreshIds } from '@/features/command/hooks/use-fresh-ids';
import { stateColor } from '@/lib/case-states';
import { formatDateTime } from '@/lib/format';
import { useBoardLive, useBoardSubscription } from '@/lib/realtime';

const COMMAND = { kind: 'command' } as const;

/** The command centre's wall screen: counters, the map of cases and the live list. */
export function CommandPage() {
  const { t, i18n } = useTranslation();
  const board = useCommandBoard();
  const [selected, setSelected] = useState<{ id: string; center: [number, number] } | null>(null);
  useBoardSubscription(COMMAND);
  const live = useBoardLive(COMMAND);
  const fresh = useFreshIds(board.data?.cases);

  const markers = useMemo(
    () =>
      (board.data?.cases ?? []).map((item) => ({
        id: item.id,
        latitude: item.latitude,
        longitude: item.longitude,
        color: stateColor(item.state),
        label: item.number,
        onClick: () => setSelected({ id: item.id, center: [item.latitude, item.longitude] }),
      })),
    [board.data?.cases],
  );

  if (board.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;

  return (
    <div className="command-page" data-testid="command-page">
      <Flex justify="space-between" align="center" className="command-page__title">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('command.title')}
        </Typography.Title>
        <Flex gap={16} align="center">
          <LiveIndicator live={live} />
          <Typography.Text type="secondary">
            {t('command.updatedAt', { time: formatDateTime(new Date(board.dataUpdatedAt).toISOString(), i18n.language) })}
          </Typography.Text>
        </Flex>
      </Flex>
      <StateCounters counts={board.data.counts} />
      <div className="command-page__body">
        <div className="command-page__map">
          <MapView testId="command-map" height="100%" dark markers={markers} center={selected?.center} zoom={14} />
        </div>
        <div className="command-page__list">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('command.latest')}
          </Typography.Title>
          <LiveCaseList
            cases={board.data.cases}
            fresh={fresh}
            selectedId={selected?.id ?? null}
            onSelect={(item) => setSelected({ id: item.id, center: [item.latitude, item.longitude] })}
          />
        </div>
      </div>
    </div>
  );
}
