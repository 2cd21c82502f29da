import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetPatrolGrid } from '@/features/admin/api/set-patrol-grid';
import { formProblem } from '@/features/admin/lib/form-problems';
import { assignmentBody } from '@/features/admin/lib/patrol-grids';
import type { PatrolGrid, PatrollerAccount } from '@/lib/api-types';
import { ApiError } from '@/lib/http';

interface Values {
  patrollers: string[];
  responsibleName?: string;
  responsiblePhone?: string;
}

const FIELDS = ['patrollers', 'responsiblePerson.name', 'responsiblePerson.phone'] as const;

/** Assigns the patrollers of one grid and its responsible person (责任人: a name and a phone). */
export function PatrolGridDrawer({
  grid,
  patrollers,
  onClose,
}: {
  grid: PatrolGrid | null;
  patrollers: readonly PatrollerAccount[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetPatrolGrid();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setProblem(null);
    if (!grid) return;
    form.resetFields();
    form.setFieldsValue({
      patrollers: grid.patrollers.map((p) => p.userName),
      responsibleName: grid.responsiblePerson?.name ?? '',
      responsiblePhone: grid.responsiblePerson?.phone ?? '',
    });
  }, [grid, form]);

  const submit = (values: Values) => {
    if (!grid) return;
    setProblem(null);
    save.mutate(
      { code: grid.code, body: assignmentBody(grid, values) },
      {
        onSuccess: (updated) => {
          void message.success(t('patrolGrids.saved', { grid: updated.name }));
          onClose();
        },
        onError: (error) => {
          const found = formProblem(error, FIELDS);
          const byField = new Map<string, string>([
            ['patrollers', 'patrollers'],
            ['responsiblePerson.name', 'responsibleName'],
            ['responsiblePerson.phone', 'responsiblePhone'],
          ]);
          form.setFields(found.fields.map((field) => ({ name: byField.get(field.name) as keyof Values, errors: field.errors })));
          const stale = error instanceof ApiError && error.status === 409;
          setProblem(stale ? t('patrolGrids.stale') : found.message);
        },
      },
    );
  };

  const options = patrollers.map((p) => ({
    value: p.userName,
    label: `${p.displayName}（${p.userName}）`,
    disabled: !p.enabled,
  }));

  return (
    <Drawer
      open={!!grid}
      onClose={onClose}
      title={grid ? t('patrolGrids.drawerTitle', { grid: grid.name }) : ''}
      size="default"
      className="patrol-grid-drawer"
      destroyOnHidden
      data-testid="patrol-grid-drawer"
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="patrol-grid-save">
          {t('patrolGrids.save')}
        </Button>
      }
    >
      {grid ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {grid.code}
            {grid.streetName ? ` · ${grid.streetName}` : ''}
            {grid.communityName ? ` · ${grid.communityName}` : ''}
          </Typography.Text>
          {grid.onDuty ? (
            <Tag color="green">{t('patrolGrids.onDuty')}</Tag>
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('patrolGrids.nobodyOnDuty')}
              description={
                grid.fallback
                  ? t('patrolGrids.fallbackNow', {
                      holder: t(`patrolGrids.fallback.${grid.fallback.holder}`, { defaultValue: grid.fallback.holder }),
                      people: grid.fallback.people.join('、') || '—',
                    })
                  : null
              }
            />
          )}
          {problem ? <Alert type="error" showIcon title={problem} data-testid="patrol-grid-error" /> : null}
          <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="patrollers" label={t('patrolGrids.form.patrollers')} extra={t('patrolGrids.form.patrollersHint')}>
              <Select
                mode="multiple"
                allowClear
                options={options}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('patrolGrids.form.patrollersPlaceholder')}
                data-testid="patrol-grid-patrollers"
                optionRender={(option) => <span data-testid={`patroller-option-${option.value}`}>{option.label}</span>}
                virtual={false}
              />
            </Form.Item>
            <Form.Item
              name="responsibleName"
              label={t('patrolGrids.form.responsibleName')}
              extra={t('patrolGrids.form.responsibleHint')}
            >
              <Input maxLength={64} data-testid="patrol-grid-responsible-name" />
            </Form.Item>
            <Form.Item name="responsiblePhone" label={t('patrolGrids.form.responsiblePhone')}>
              <Input maxLength={32} inputMode="tel" data-testid="patrol-grid-responsible-phone" />
            </Form.Item>
          </Form>
        </Flex>
      ) : null}
    </Drawer>
  );
}
