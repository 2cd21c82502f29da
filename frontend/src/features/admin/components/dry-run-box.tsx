import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoutingDryRun, type DryRunParams } from '@/features/admin/api/dry-run-routing';
import { targetLabel } from '@/features/admin/lib/routing-rules';
import { describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

interface DryRunFields {
  categoryId?: string;
  longitude?: number;
  latitude?: number;
}

export interface DryRunBoxProps {
  categoryOptions: { value: string; label: string; testId: string }[];
  categoriesLoading: boolean;
}

/** 派遣预演: where a case of a category at a point would go now, by the router's own code. */
export function DryRunBox({ categoryOptions, categoriesLoading }: DryRunBoxProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [asked, setAsked] = useState<{ params: DryRunParams; attempt: number } | null>(null);
  const dryRun = useRoutingDryRun(asked?.params ?? null, asked?.attempt ?? 0);
  const result = dryRun.data;

  const run = (values: DryRunFields) =>
    setAsked((previous) => ({
      params: { categoryId: values.categoryId!, longitude: values.longitude!, latitude: values.latitude! },
      attempt: (previous?.attempt ?? 0) + 1,
    }));

  return (
    <Card
      size="small"
      title={
        <span>
          <ExperimentOutlined /> {t('admin.dryRun.title')}
        </span>
      }
      data-testid="dry-run"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('admin.dryRun.hint')}
      </Typography.Paragraph>
      <Form<DryRunFields> layout="inline" onFinish={run} style={{ rowGap: 8 }}>
        <Form.Item name="categoryId" rules={[{ required: true, message: t('admin.ruleForm.categoryRequired') }]}>
          <Select<string>
            style={{ width: 300 }}
            placeholder={t('admin.dryRun.category')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={categoriesLoading}
            options={categoryOptions}
            optionRender={(option) => <span data-testid={`dry-run-category-option-${option.data.testId}`}>{option.label}</span>}
            virtual={false}
            data-testid="dry-run-category"
          />
        </Form.Item>
        <Form.Item name="longitude" rules={[{ required: true, message: t('actions.fields.required') }]}>
          <InputNumber<number> placeholder={t('admin.dryRun.longitude')} min={-180} max={180} step={0.0001} style={{ width: 150 }} data-testid="dry-run-longitude" />
        </Form.Item>
        <Form.Item name="latitude" rules={[{ required: true, message: t('actions.fields.required') }]}>
          <InputNumber<number> placeholder={t('admin.dryRun.latitude')} min={-90} max={90} step={0.0001} style={{ width: 150 }} data-testid="dry-run-latitude" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={dryRun.isFetching} data-testid="dry-run-submit">
            {t('admin.dryRun.run')}
          </Button>
        </Form.Item>
      </Form>
      {dryRun.isError ? (
        <Alert type="error" showIcon title={describeApiError(dryRun.error)} style={{ marginTop: 12 }} data-testid="dry-run-error" />
      ) : null}
      {result && !dryRun.isFetching ? (
        <Flex
          vertical
          gap={4}
          style={{ marginTop: 12 }}
          data-testid="dry-run-result"
          data-matched={String(result.matched)}
          data-department={result.department?.key ?? ''}
        >
          {result.matched && result.department ? (
            <Alert
              type="success"
              showIcon
              title={t('admin.dryRun.routesTo', { department: localName(language, result.department.nameZh, result.department.nameEn) })}
            />
          ) : (
            <Alert type="warning" showIcon title={t('admin.dryRun.noMatch')} description={result.reason ?? undefined} />
          )}
          <Typography.Text type="secondary">
            {t('admin.dryRun.place', { street: result.street.name, community: result.community.name, unit: result.unitGrid.code })}
          </Typography.Text>
          {result.rule ? (
            <Typography.Text type="secondary">
              {t('admin.dryRun.byRule', {
                rule: [
                  result.rule.gridCode ? `${result.rule.gridName ?? ''} ${result.rule.gridCode}` : t('admin.rules.everywhere'),
                  targetLabel(result.rule, t, language),
                  result.rule.note,
                ]
                  .filter(Boolean)
                  .join(' · '),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
