import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useParseNotice, useSaveHolidayYear } from '@/features/admin/api/work-calendar';
import { YearCalendar } from '@/features/admin/components/year-calendar';
import { formProblem } from '@/features/admin/lib/form-problems';
import { initialYear, yearBody, yearCounts, type Marks } from '@/features/admin/lib/work-calendar';
import { useCalendar } from '@/lib/api/get-calendar';
import type { ParsedNotice } from '@/lib/api-types';
import { ApiError } from '@/lib/http';

interface Values {
  holidays: { name?: string; from?: string; to?: string }[];
  extraWorkdays: (string | undefined)[];
}

/**
 * 工作日历: a year's holidays and make-up working days, entered by hand or read from the State
 * Council notice's text, shown as a year calendar before and after saving.
 */
export function CalendarTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const calendar = useCalendar();
  const parse = useParseNotice();
  const save = useSaveHolidayYear();
  const [form] = Form.useForm<Values>();
  const [year, setYear] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [noticeProblem, setNoticeProblem] = useState<string | null>(null);
  const watched = Form.useWatch([], form) as Values | undefined;
  /** A notice just read: the form shows it instead of the stored days once its year is shown. */
  const parsedRef = useRef<ParsedNotice | null>(null);

  const years = useMemo(() => calendar.data?.years ?? [], [calendar.data]);
  const shownYear = year ?? (calendar.data ? initialYear(years, new Date()) : null);
  const stored = years.find((y) => y.year === shownYear) ?? null;

  // Switching years loads that year's stored days into the form (or an empty form for a new year).
  useEffect(() => {
    if (shownYear == null || !calendar.data) return;
    const parsed = parsedRef.current?.year === shownYear ? parsedRef.current : null;
    parsedRef.current = null;
    const current = parsed ?? calendar.data.years.find((y) => y.year === shownYear);
    form.setFieldsValue({
      holidays: current?.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })) ?? [],
      extraWorkdays: current?.extraWorkdays ?? [],
    });
    setProblem(null);
  }, [shownYear, calendar.data, form]);

  const marks: Marks = {
    holidays: (watched?.holidays ?? [])
      .filter((h) => h?.from)
      .map((h) => ({ name: h.name ?? '', from: h.from!, to: h.to || h.from! })),
    extraWorkdays: (watched?.extraWorkdays ?? []).filter((d): d is string => !!d),
  };
  const counts = shownYear ? yearCounts(shownYear, marks) : { holidays: 0, workdays: 0 };

  const yearOptions = useMemo(() => {
    const now = new Date().getFullYear();
    const set = new Set([...years.map((y) => y.year), now, now + 1]);
    if (shownYear) set.add(shownYear);
    return [...set].sort((a, b) => a - b).map((y) => ({ value: y, label: String(y) }));
  }, [years, shownYear]);

  const readNotice = () => {
    setNoticeProblem(null);
    parse.mutate(
      { text: notice, year: shownYear },
      {
        onSuccess: (parsed) => {
          if (parsed.year === shownYear) {
            form.setFieldsValue({
              holidays: parsed.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
              extraWorkdays: parsed.extraWorkdays,
            });
          } else {
            // Showing the notice's year loads that year into the form: the effect takes the parsed days then.
            parsedRef.current = parsed;
            setYear(parsed.year);
          }
          void message.info(t('workCalendar.parsed', { year: parsed.year, count: parsed.holidays.length }));
        },
        onError: (error) => setNoticeProblem(formProblem(error, []).message),
      },
    );
  };

  const submit = (values: Values) => {
    if (shownYear == null) return;
    setProblem(null);
    save.mutate(
      { year: shownYear, body: yearBody(values, stored?.origin === 'stored' ? stored.version : null) },
      {
        onSuccess: (saved) => void message.success(t('workCalendar.saved', { year: saved.year })),
        onError: (error) => {
          const stale = error instanceof ApiError && error.status === 409;
          setProblem(stale ? t('workCalendar.stale') : formProblem(error, []).message);
        },
      },
    );
  };

  if (calendar.isError) return <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />;

  return (
    <Flex vertical gap={16} data-testid="work-calendar">
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('workCalendar.year')}</Typography.Text>
        <Select<number>
          value={shownYear ?? undefined}
          onChange={setYear}
          options={yearOptions}
          style={{ width: 110 }}
          loading={calendar.isPending}
          data-testid="calendar-year"
          optionRender={(option) => <span data-testid={`calendar-year-option-${option.value}`}>{option.label}</span>}
        />
        <InputNumber<number>
          min={2000}
          max={2100}
          placeholder={t('workCalendar.otherYear')}
          onPressEnter={(event) => {
            const value = Number((event.target as HTMLInputElement).value);
            if (value >= 2000 && value <= 2100) setYear(value);
          }}
          style={{ width: 120 }}
        />
        {stored ? (
          <Tag color={stored.origin === 'stored' ? 'blue' : 'default'} data-testid="calendar-year-origin">
            {t(`workCalendar.origin.${stored.origin}`, { defaultValue: stored.origin })}
          </Tag>
        ) : shownYear ? (
          <Tag color="red" data-testid="calendar-year-missing">
            {t('workCalendar.missing')}
          </Tag>
        ) : null}
        <Typography.Text type="secondary" data-testid="calendar-counts">
          {t('workCalendar.counts', counts)}
        </Typography.Text>
      </Flex>

      <Card size="small" title={t('workCalendar.notice.title')}>
        <Flex vertical gap={8}>
          <Input.TextArea
            rows={5}
            value={notice}
            onChange={(event) => setNotice(event.target.value)}
            placeholder={t('workCalendar.notice.placeholder')}
            data-testid="calendar-notice"
          />
          {noticeProblem ? <Alert type="error" showIcon title={noticeProblem} data-testid="calendar-notice-error" /> : null}
          <Flex gap={8}>
            <Button onClick={readNotice} loading={parse.isPending} disabled={!notice.trim()} data-testid="calendar-notice-read">
              {t('workCalendar.notice.read')}
            </Button>
            <Typography.Text type="secondary">{t('workCalendar.notice.hint')}</Typography.Text>
          </Flex>
        </Flex>
      </Card>

      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ holidays: [], extraWorkdays: [] }}>
        <Card size="small" title={t('workCalendar.holidays')}>
          <Form.List name="holidays">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="start" className="calendar-form__row" data-testid={`holiday-row-${field.name}`}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('workCalendar.nameRequired') }]}>
                      <Input placeholder={t('workCalendar.name')} style={{ width: 120 }} data-testid={`holiday-name-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: t('workCalendar.dateRequired') }]}>
                      <Input type="date" aria-label={t('workCalendar.from')} data-testid={`holiday-from-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'to']}>
                      <Input type="date" aria-label={t('workCalendar.to')} data-testid={`holiday-to-${field.name}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('workCalendar.remove')} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="holiday-add">
                  {t('workCalendar.addHoliday')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('workCalendar.makeUpDays')} style={{ marginTop: 12 }}>
          <Form.List name="extraWorkdays">
            {(fields, { add, remove }) => (
              <Flex gap={8} wrap align="start">
                {fields.map((field) => (
                  <Flex key={field.key} gap={4}>
                    <Form.Item name={field.name} rules={[{ required: true, message: t('workCalendar.dateRequired') }]}>
                      <Input type="date" aria-label={t('workCalendar.makeUpDay')} data-testid={`workday-${field.name}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('workCalendar.remove')} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()} data-testid="workday-add">
                  {t('workCalendar.addMakeUpDay')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="calendar-error" /> : null}
        <Flex justify="end" style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={shownYear == null} data-testid="calendar-save">
            {t('workCalendar.save', { year: shownYear ?? '' })}
          </Button>
        </Flex>
      </Form>

      {shownYear ? (
        <Flex vertical gap={8}>
          <Flex gap={12} wrap className="year-calendar__legend">
            <span className="year-calendar__key year-calendar__day--holiday">{t('workCalendar.legend.holiday')}</span>
            <span className="year-calendar__key year-calendar__day--workday">{t('workCalendar.legend.workday')}</span>
            <span className="year-calendar__key year-calendar__day--weekend">{t('workCalendar.legend.weekend')}</span>
          </Flex>
          <YearCalendar year={shownYear} marks={marks} />
        </Flex>
      ) : null}
    </Flex>
  );
}
