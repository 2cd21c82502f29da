import { Button, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StateTag } from '@/components/state-tag';
import type { DispatchQueueItem } from '@/lib/api-types';
import { useDepartments } from '@/lib/api/list-departments';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface DispatchQueueListProps {
  items: readonly DispatchQueueItem[];
  onOpen: (item: DispatchQueueItem) => void;
}

/** 人工派遣: cases no rule covered and cases a department returned, oldest first, with the reason. */
export function DispatchQueueList({ items, onOpen }: DispatchQueueListProps) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments(items.some((item) => !!item.departmentKey));
  const departmentName = (key: string) => {
    const department = departments.data?.find((candidate) => candidate.key === key);
    return department ? localName(i18n.language, department.nameZh, department.nameEn) : null;
  };
  if (items.length === 0) return <Empty description={t('command.queue.empty')} />;
  return (
    <ul className="live-list" data-testid="dispatch-queue">
      {items.map((item) => (
        <li key={item.case.id} className="live-list__row" data-testid={`queue-${item.case.number}`} onClick={() => onOpen(item)}>
          <div className="live-list__top">
            <Typography.Text strong>{item.case.number}</Typography.Text>
            <span>
              <Tag color={item.reason === 'returned' ? 'red' : 'purple'}>{t(`command.queue.reason.${item.reason}`, { defaultValue: item.reason })}</Tag>
              <StateTag state={item.case.state} solid />
            </span>
          </div>
          <div className="live-list__meta">
            <span>
              {item.case.categoryCode} {localName(i18n.language, item.case.categoryNameZh, item.case.categoryNameEn)}
            </span>
            {item.departmentKey && departmentName(item.departmentKey) ? <span>{departmentName(item.departmentKey)}</span> : null}
            <span>{formatDateTime(item.since, i18n.language)}</span>
          </div>
          {item.detail ? <div className="live-list__description">{item.detail}</div> : null}
          <Button size="small" type="primary" style={{ marginTop: 6 }} data-testid={`queue-open-${item.case.number}`}>
            {t('command.queue.handle')}
          </Button>
        </li>
      ))}
    </ul>
  );
}
