import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveCategory } from '@/features/admin/api/save-category';
import {
  CATEGORY_FIELDS,
  categoryFormValues,
  categoryRequest,
  type CategoryFormValues,
} from '@/features/admin/lib/catalogue';
import { formProblem } from '@/features/admin/lib/form-problems';
import type { Category } from '@/lib/api-types';
import { useDepartments } from '@/lib/api/list-departments';

export interface CategoryEditing {
  /** Absent: a new category. */
  category?: Category;
}

/** New category, or an edit of one: kind and code are fixed once created; problems land on their fields. */
export function CategoryDrawer({ editing, onClose }: { editing: CategoryEditing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(editing);
  if (editing !== null && editing !== shown) setShown(editing);
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) setShown(null);
      }}
      size={520}
      destroyOnHidden
      title={shown?.category ? t('catalogueAdmin.editCategory') : t('catalogueAdmin.addCategory')}
    >
      {shown ? <CategoryForm category={shown.category} onClose={onClose} /> : null}
    </Drawer>
  );
}

function CategoryForm({ category, onClose }: { category?: Category; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveCategory();
  const departments = useDepartments(true);
  const kindOptions = useMemo(
    () =>
      ['territory', ...new Set((departments.data ?? []).map((department) => department.kind))]
        .filter((kind, index, all) => all.indexOf(kind) === index)
        .map((kind) => ({ value: kind, label: kind })),
    [departments.data],
  );

  const submit = (values: CategoryFormValues) => {
    setProblem(null);
    save.mutate(
      { id: category?.id, request: categoryRequest(values, category) },
      {
        onSuccess: () => {
          void message.success(t('catalogueAdmin.saved'));
          onClose();
        },
        onError: (error) => {
          const found = formProblem(error, CATEGORY_FIELDS);
          form.setFields(found.fields);
          setProblem(found.message);
        },
      },
    );
  };

  return (
    <Form<CategoryFormValues>
      form={form}
      layout="vertical"
      initialValues={categoryFormValues(category)}
      onFinish={submit}
      data-testid="category-form"
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="category-form-problem" /> : null}
      <Flex gap={12}>
        <Form.Item name="kind" label={t('catalogueAdmin.columns.kind')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Select
            disabled={category !== undefined}
            options={[
              { value: 'event', label: t('category.kind.event') },
              { value: 'component', label: t('category.kind.component') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('catalogueAdmin.columns.code')}
          extra={t('catalogueAdmin.codeHelp')}
          rules={[{ required: true, message: t('catalogueAdmin.required') }]}
          style={{ flex: 1 }}
        >
          <Input disabled={category !== undefined} maxLength={4} data-testid="category-code" />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="majorNameZh" label={t('catalogueAdmin.majorNameZh')} rules={[{ required: true, message: t('catalogueAdmin.required') }]} style={{ flex: 1 }}>
          <Input data-testid="category-major-zh" />
        </Form.Item>
        <Form.Item name="majorNameEn" label={t('catalogueAdmin.majorNameEn')} rules={[{ required: true, message: t('catalogueAdmin.required') }]} style={{ flex: 1 }}>
          <Input data-testid="category-major-en" />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="nameZh" label={t('catalogueAdmin.nameZh')} rules={[{ required: true, message: t('catalogueAdmin.required') }]} style={{ flex: 1 }}>
          <Input data-testid="category-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalogueAdmin.nameEn')} rules={[{ required: true, message: t('catalogueAdmin.required') }]} style={{ flex: 1 }}>
          <Input data-testid="category-name-en" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="departmentKind"
        label={t('catalogueAdmin.columns.departmentKind')}
        extra={t('catalogueAdmin.departmentKindHelp')}
        rules={[{ required: true, message: t('catalogueAdmin.required') }]}
      >
        <Select showSearch options={kindOptions} loading={departments.isLoading} data-testid="category-department-kind" />
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="category-save">
          {t('catalogueAdmin.save')}
        </Button>
      </Flex>
    </Form>
  );
}
