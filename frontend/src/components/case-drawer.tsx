import { Alert, Descriptions, Drawer, Empty, Flex, Image, Spin, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseActions } from '@/components/case-actions';
import { DeadlineBadge } from '@/components/deadline-badge';
import { MapView } from '@/components/map-view';
import { QueryError } from '@/components/query-error';
import { StateTag } from '@/components/state-tag';
import type { CaseDto, CasePhoto, CaseTraceEntry } from '@/lib/api-types';
import { useCase } from '@/lib/api/get-case';
import { stateColor, stateLabel } from '@/lib/case-states';
import { formatCoordinate, formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface CaseDrawerProps {
  caseId: string | null;
  version?: number;
  onClose: () => void;
  /** Limits the action buttons to these (default: every action the server offers). */
  actions?: readonly string[];
  dark?: boolean;
  /** Shown beside the state in the drawer's header (a link to the case file, say). */
  extra?: ReactNode;
}

/** Photos taken before the work (the report, a verification) and after it (feedback, the check). */
export function splitPhotos(photos: readonly CasePhoto[]): { before: CasePhoto[]; after: CasePhoto[] } {
  const afterStages = new Set(['feedback', 'check', 'self-handle']);
  return {
    before: photos.filter((photo) => !afterStages.has(photo.stage ?? 'report')),
    after: photos.filter((photo) => afterStages.has(photo.stage ?? 'report')),
  };
}

function PhotoRow({ photos, alt, testId }: { photos: readonly CasePhoto[]; alt: string; testId: string }) {
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid={testId}>
        {photos.map((photo) => (
          <Image key={photo.id} src={photo.url} width={112} height={84} style={{ objectFit: 'cover' }} alt={alt} />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

export function CaseDetails({ item, dark = false }: { item: CaseDto; dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { before, after } = splitPhotos(item.photos);
  const photosById = new Map(item.photos.map((photo) => [photo.id, photo]));
  const open = item.nextDeadline || item.light;
  return (
    <Flex vertical gap={16}>
      {item.escalated ? (
        <Alert
          type="error"
          showIcon
          data-testid="case-escalated"
          title={t('case.escalated')}
          description={item.escalationInstruction ?? undefined}
        />
      ) : null}
      {item.pendingRequest ? (
        <Alert
          type="warning"
          showIcon
          data-testid="case-pending-request"
          title={t(`case.pending.${item.pendingRequest.kind === 'Suspension' ? 'suspension' : 'extension'}`)}
          description={
            item.pendingRequest.limit && item.pendingRequest.unit
              ? t(`timeLimit.${item.pendingRequest.unit}`, { count: item.pendingRequest.limit })
              : undefined
          }
        />
      ) : null}
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 112 } }}>
        <Descriptions.Item label={t('case.number')}>
          <span data-testid="drawer-case-number">{item.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.state')}>
          <span data-testid="drawer-case-state" data-state={item.state}>
            <StateTag state={item.state} />
          </span>
          {item.needsManualDispatch ? <Tag color="red">{t('case.needsManualDispatch')}</Tag> : null}
          {item.reworkCount ? <Tag color="volcano">{t('case.reworkCount', { count: item.reworkCount })}</Tag> : null}
          {item.extensionCount ? <Tag color="gold">{t('case.extensionCount', { count: item.extensionCount })}</Tag> : null}
        </Descriptions.Item>
        {open ? (
          <Descriptions.Item label={t('case.deadline')}>
            <DeadlineBadge light={item.light} nextDeadline={item.nextDeadline} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('case.category')}>
          {item.category.code} {localName(language, item.category.nameZh, item.category.nameEn)}
          {item.condition ? ` · ${localName(language, item.condition.nameZh, item.condition.nameEn)}` : ''}
        </Descriptions.Item>
        {item.componentId ? (
          <Descriptions.Item label={t('case.component')}>
            <span data-testid="drawer-case-component">{item.componentId}</span>
          </Descriptions.Item>
        ) : null}
        {item.department ? (
          <Descriptions.Item label={t('case.department')}>
            {localName(language, item.department.nameZh, item.department.nameEn)}
          </Descriptions.Item>
        ) : null}
        {item.assignee ? (
          <Descriptions.Item label={t('departments.board.assigneeLabel')}>
            <span data-testid="drawer-case-assignee">
              {item.assignee.displayName}
              {item.assignee.department && item.assignee.department.key !== item.department?.key
                ? `（${localName(language, item.assignee.department.nameZh, item.assignee.department.nameEn)}）`
                : ''}
            </span>
          </Descriptions.Item>
        ) : null}
        {item.unitGrid ? (
          <Descriptions.Item label={t('case.grid')}>
            <span data-testid="drawer-case-grid">
              {[item.street?.name, item.community?.name, item.unitGrid.name].filter(Boolean).join(' / ')}
              <span className="muted"> {item.unitGrid.code}</span>
            </span>
            {item.outsideResponsibilityGrid ? <Tag color="orange">{t('case.outsideResponsibilityGrid')}</Tag> : null}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('case.source')}>{t(`case.sources.${item.source.toLowerCase()}`, { defaultValue: item.source })}</Descriptions.Item>
        <Descriptions.Item label={t('case.reportedBy')}>{item.reportedBy}</Descriptions.Item>
        {item.callerName || item.callerPhone ? (
          <Descriptions.Item label={t('case.caller')}>
            <span data-testid="drawer-case-caller">{[item.callerName, item.callerPhone].filter(Boolean).join(' ')}</span>
            {item.callbackWanted ? <Tag color="blue">{t('case.callbackWanted')}</Tag> : null}
          </Descriptions.Item>
        ) : null}
        {item.addressText ? (
          <Descriptions.Item label={t('case.addressText')}>
            <span data-testid="drawer-case-address">{item.addressText}</span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('case.reportedAt')}>{formatDateTime(item.reportedAt, language)}</Descriptions.Item>
        <Descriptions.Item label={t('case.location')}>
          {formatCoordinate(item.longitude)}, {formatCoordinate(item.latitude)}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.description')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{item.description || '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Typography.Title level={5}>{t('case.photosBefore')}</Typography.Title>
        {before.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noPhotos')} />
        ) : (
          <PhotoRow photos={before} alt={item.number} testId="photos-before" />
        )}
      </div>
      {after.length > 0 ? (
        <div>
          <Typography.Title level={5}>{t('case.photosAfter')}</Typography.Title>
          <PhotoRow photos={after} alt={item.number} testId="photos-after" />
        </div>
      ) : null}

      <div>
        <Typography.Title level={5}>{t('case.map')}</Typography.Title>
        <MapView
          testId="drawer-map"
          height={220}
          dark={dark}
          center={[item.latitude, item.longitude]}
          markers={[{ id: item.id, latitude: item.latitude, longitude: item.longitude, color: stateColor(item.state), label: item.number }]}
        />
      </div>

      <div>
        <Typography.Title level={5}>{t('case.trace')}</Typography.Title>
        <Timeline
          data-testid="case-trace"
          items={item.trace.map((entry, index) => {
            const attached = (entry.attachments ?? []).map((id) => photosById.get(id)).filter((photo): photo is CasePhoto => !!photo);
            return {
              key: `${entry.at}-${index}`,
              color: entry.action === 'overdue' ? 'red' : entry.toState ? stateColor(entry.toState) : 'gray',
              title: formatDateTime(entry.at, language),
              content: (
                <div data-testid={`trace-${entry.action}`} data-code={entry.code ?? undefined}>
                  <TraceLine entry={entry} />
                  {attached.length > 0 ? <PhotoRow photos={attached} alt={item.number} testId={`trace-photos-${entry.action}`} /> : null}
                </div>
              ),
            };
          })}
        />
      </div>
    </Flex>
  );
}

/**
 * One trace row as the server renders it in the UI language: what happened (`text`), who did it
 * (a person's name, or the system), the department's name, and the opinion when it adds something.
 */
export function TraceLine({ entry }: { entry: CaseTraceEntry }) {
  const { t } = useTranslation();
  const text = entry.text || entry.code || entry.action;
  const opinion = entry.opinion?.trim();
  const department = entry.departmentName && !text.includes(entry.departmentName) ? entry.departmentName : null;
  return (
    <>
      <Typography.Text strong data-testid="trace-text">
        {text}
      </Typography.Text>
      {entry.toState && entry.toState !== entry.fromState ? (
        <span className="muted">
          {' '}
          {entry.fromState ? `${stateLabel(t, entry.fromState)} → ` : ''}
          {stateLabel(t, entry.toState)}
        </span>
      ) : null}
      {entry.onTime === false ? (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {t('case.late')}
        </Tag>
      ) : null}
      <div className="muted" data-testid="trace-actor">
        {[...new Set([entry.actorName || entry.actor, entry.role ? t(`role.${entry.role}`, { defaultValue: entry.role }) : '', department])]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {opinion && opinion !== text.trim() ? <div data-testid="trace-opinion">{opinion}</div> : null}
    </>
  );
}

/** A case's details, photos, map and timeline, with the actions the signed-in user may take on it. */
export function CaseDrawer({ caseId, version, onClose, actions, dark = false, extra }: CaseDrawerProps) {
  const { t } = useTranslation();
  // An action's answer is newer than the row until its push arrives: show the newer of the two.
  const [acted, setActed] = useState<{ id: string; version: number } | null>(null);
  const shownVersion = Math.max(version ?? 0, acted && acted.id === caseId ? acted.version : 0);
  const detail = useCase(caseId, shownVersion || undefined);
  return (
    <Drawer
      open={!!caseId}
      onClose={onClose}
      size={600}
      title={detail.data?.number ?? t('case.details')}
      destroyOnHidden
      rootClassName={dark ? 'case-drawer--dark' : undefined}
      data-testid="case-drawer"
      extra={
        detail.data ? (
          <Flex gap={8} align="center">
            {extra}
            <StateTag state={detail.data.state} />
          </Flex>
        ) : null
      }
      footer={
        detail.data && (detail.data.allowedActions ?? []).length > 0 ? (
          <CaseActions
            item={detail.data}
            only={actions}
            onDone={(updated) => setActed({ id: updated.id, version: updated.version })}
          />
        ) : null
      }
    >
      {detail.isPending ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <CaseDetails item={detail.data} dark={dark} /> : null}
    </Drawer>
  );
}
