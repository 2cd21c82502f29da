import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, List, Radio, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallbacks } from '@/features/hotline/api/list-callbacks';
import { useRecordCallback } from '@/features/hotline/api/record-callback';
import type { CallerCase } from '@/features/hotline/api/types';
import { isMasked } from '@/features/hotline/lib/phone';
import type { CaseDto } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

/** What the last recorded callback did to its case, said back to the acceptor. */
function Outcome({ updated }: { updated: CaseDto }) {
  const { t, i18n } = useTranslation();
  const reopened = updated.state !== 'Archived';
  const department = updated.department ? localName(i18n.language, updated.department.nameZh, updated.department.nameEn) : '';
  return (
    <Alert
      type={reopened ? 'warning' : 'success'}
      showIcon
      data-testid="callback-outcome"
      data-state={updated.state}
      data-rework={updated.reworkCount}
      data-department={updated.department?.key ?? ''}
      message={
        reopened
          ? t('hotline.reopened', { number: updated.number, department, count: updated.reworkCount })
          : t('hotline.archived', { number: updated.number })
      }
    />
  );
}

/** The callback form of one case: satisfied or not, and the caller's words (required when not). */
function CallbackForm({ item, onDone, onCancel }: { item: CallerCase; onDone: (updated: CaseDto) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const record = useRecordCallback();
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [words, setWords] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (satisfied === null) return;
    if (!satisfied && !words.trim()) {
      setMissing(true);
      return;
    }
    record.mutate({ caseId: item.id, version: item.version, satisfied, opinion: words }, { onSuccess: onDone });
  };
  return (
    <form
      className="hotline-callback-form"
      data-testid={`callback-form-${item.number}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        } else if (event.key === 'Escape') onCancel();
      }}
    >
      <Flex vertical gap={8}>
        <Radio.Group value={satisfied} onChange={(event) => setSatisfied(event.target.value as boolean)} data-testid="callback-satisfied">
          <Radio value={true} autoFocus data-testid="callback-satisfied-yes">
            {t('hotline.satisfied')}
          </Radio>
          <Radio value={false} data-testid="callback-satisfied-no">
            {t('hotline.unsatisfied')}
          </Radio>
        </Radio.Group>
        <label className="hotline-field">
          <span>{t('hotline.words')}</span>
          <Input.TextArea
            value={words}
            onChange={(event) => {
              setWords(event.target.value);
              setMissing(false);
            }}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('hotline.wordsPlaceholder')}
            status={missing ? 'error' : undefined}
            data-testid="callback-words"
          />
          {missing ? <Typography.Text type="danger" data-testid="callback-words-required">{t('hotline.wordsRequired')}</Typography.Text> : null}
        </label>
        {record.isError ? <Alert type="error" showIcon message={describeApiError(record.error)} /> : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" disabled={satisfied === null} loading={record.isPending} data-testid="callback-submit">
            {t('hotline.submitCallback')}
          </Button>
          <Button onClick={onCancel}>{t('hotline.cancel')}</Button>
        </Flex>
      </Flex>
    </form>
  );
}

/** 回访: closed cases whose caller wants a callback, the longest waiting first; the phone whole for acceptors. */
export function CallList({ canCallBack }: { canCallBack: boolean }) {
  const { t, i18n } = useTranslation();
  const callbacks = useCallbacks();
  const [open, setOpen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CaseDto | null>(null);
  const cases = callbacks.data ?? [];
  return (
    <Card title={t('hotline.callbacksTitle')} size="small">
      <Flex vertical gap={12}>
        {outcome ? <Outcome updated={outcome} /> : null}
        {callbacks.isLoading ? <Spin /> : null}
        {callbacks.isError ? <Alert type="error" showIcon message={describeApiError(callbacks.error)} /> : null}
        {callbacks.isSuccess && cases.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.callbacksEmpty')} data-testid="callbacks-empty" />
        ) : null}
        {cases.length > 0 ? (
          <List
            dataSource={cases}
            data-testid="call-list"
            renderItem={(item) => (
              <List.Item key={item.id} data-testid={`callback-row-${item.number}`}>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex gap={12} wrap align="baseline" justify="space-between">
                    <Typography.Text strong>{item.number}</Typography.Text>
                    <span>
                      {item.callerName ?? ''}{' '}
                      {item.callerPhone ? (
                        isMasked(item.callerPhone) ? (
                          <Typography.Text title={t('hotline.maskedNote')} data-testid="callback-phone">
                            {item.callerPhone}
                          </Typography.Text>
                        ) : (
                          <a href={`tel:${item.callerPhone.replace(/[ -]/g, '')}`} data-testid="callback-phone">
                            <PhoneOutlined /> {item.callerPhone}
                          </a>
                        )
                      ) : null}
                    </span>
                  </Flex>
                  <div>
                    {item.category.code} {localName(i18n.language, item.category.nameZh, item.category.nameEn)}
                    {item.addressText ? ` · ${item.addressText}` : ''}
                  </div>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {item.description}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('hotline.department')}：{item.department ? localName(i18n.language, item.department.nameZh, item.department.nameEn) : '—'} ·{' '}
                    {t('hotline.closedOn')}：{formatDateTime(item.closedAt, i18n.language, false)}
                    {item.reworkCount > 0 ? ` · ${t('hotline.rework', { count: item.reworkCount })}` : ''}
                  </Typography.Text>
                  {canCallBack && open !== item.id ? (
                    <div>
                      <Button onClick={() => setOpen(item.id)} data-testid={`callback-open-${item.number}`}>
                        {t('hotline.record')}
                      </Button>
                    </div>
                  ) : null}
                  {canCallBack && open === item.id ? (
                    <CallbackForm
                      item={item}
                      onCancel={() => setOpen(null)}
                      onDone={(updated) => {
                        setOpen(null);
                        setOutcome(updated);
                      }}
                    />
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
