import { Empty, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StateTag } from '@/components/state-tag';
import { useCallerCases } from '@/features/hotline/api/list-caller-cases';
import { isLookupReady } from '@/features/hotline/lib/phone';
import { useDebounced } from '@/features/hotline/lib/use-debounced';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

/** The caller's earlier cases beside the form: the acceptor sees at once whether this is a repeat call. */
export function CallerHistory({ phone }: { phone: string }) {
  const { t, i18n } = useTranslation();
  // One lookup per pause in typing: the number is complete long before the caller finishes the sentence.
  const settled = useDebounced(phone, 300);
  const history = useCallerCases(settled);
  if (!isLookupReady(settled)) {
    return (
      <Typography.Text type="secondary" data-testid="caller-history-hint">
        {t('hotline.historyHint')}
      </Typography.Text>
    );
  }
  if (history.isLoading) return <Spin size="small" />;
  if (history.isError) return <Typography.Text type="danger">{String(history.error)}</Typography.Text>;
  const cases = history.data ?? [];
  if (cases.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.historyEmpty')} data-testid="caller-history-empty" />;
  return (
    <List
      size="small"
      data-testid="caller-history"
      dataSource={cases}
      renderItem={(item) => (
        <List.Item key={item.id} data-testid={`caller-case-${item.number}`}>
          <div className="hotline-history__item">
            <div>
              <Typography.Text strong>{item.number}</Typography.Text> <StateTag state={item.state} />
            </div>
            <div>
              {item.category.code} {localName(i18n.language, item.category.nameZh, item.category.nameEn)}
              {item.addressText ? ` · ${item.addressText}` : ''}
            </div>
            <Typography.Text type="secondary">
              {t('hotline.reportedAt', { at: formatDateTime(item.reportedAt, i18n.language, false) })}
              {item.closedAt ? ` · ${t('hotline.closedAt', { at: formatDateTime(item.closedAt, i18n.language, false) })}` : ''}
              {item.reworkCount > 0 ? ` · ${t('hotline.rework', { count: item.reworkCount })}` : ''}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}
