import type { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CaseActions } from '@/components/case-actions';
import type { CaseActionSpec, Category, Department } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { changeLanguage } from '@/lib/i18n';
import { CASE_ACTION_TABLE } from '@/testing/case-action-table';
import { aCase } from '@/testing/case-dto';
import { aCategory } from '@/testing/category';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const timeout = allowSlowRenders();

const departments: Department[] = [
  { key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Xiangshan Traffic Police', kind: 'traffic_police', level: 'district', retired: false },
  { key: 'xs-street', nameZh: '象山街道', nameEn: 'Xiangshan Street', kind: 'street', level: 'street', retired: false },
  { key: 'gl-drainage', nameZh: '桂林市排水公司', nameEn: 'Guilin Drainage', kind: 'utility', level: 'city', retired: false },
];

const categories: Category[] = [
  aCategory({
    id: 'cat-parking',
    code: '0505',
    conditions: [{ id: 'cond-parking', nameZh: '占道停放', nameEn: 'Parked on the road', limit: 2, unit: 'working_hours', closingStandardZh: '', closingStandardEn: '', retired: false, version: 1 }],
  }),
  aCategory({
    id: 'cat-manhole',
    code: '0102',
    nameZh: '井盖',
    nameEn: 'Manhole cover',
    conditions: [
      { id: 'cond-missing', nameZh: '井盖缺失', nameEn: 'Cover missing', limit: 4, unit: 'urgent_hours', closingStandardZh: '', closingStandardEn: '', retired: false, version: 1 },
      { id: 'cond-broken', nameZh: '井盖破损', nameEn: 'Cover broken', limit: 2, unit: 'working_days', closingStandardZh: '', closingStandardEn: '', retired: false, version: 1 },
    ],
  }),
];

/** The data a signed-in app already holds: the action table, departments and the catalogue. */
function seeded(table: readonly CaseActionSpec[] = CASE_ACTION_TABLE) {
  return (queryClient: QueryClient) => {
    queryClient.setQueryData(sharedKeys.caseActions, table);
    queryClient.setQueryData(sharedKeys.departments, departments);
    queryClient.setQueryData(sharedKeys.categories, categories);
  };
}

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Answers every action with the case one version on; the bodies sent are in the spy's calls. */
function acceptActions() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer(aCase({ version: 5, allowedActions: [] })));
}

function sentBody(fetch: ReturnType<typeof acceptActions>) {
  const [, init] = fetch.mock.calls.at(-1)!;
  return JSON.parse(init?.body as string) as Record<string, unknown>;
}

async function pick(testId: string, optionTestId: string) {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('combobox'));
  // Every select opened so far keeps its list in the page: the newest one is last.
  fireEvent.click((await screen.findAllByTestId(optionTestId)).at(-1)!);
}

/** A button's text: antd spaces out a two-character Chinese label (签 收). */
const label = (testId: string) => screen.getByTestId(testId).textContent!.replace(/\s/g, '');

describe('CaseActions', { timeout }, () => {
  it('shows exactly the actions the server allows, in the order of its table', () => {
    renderWithProviders(<CaseActions item={aCase({ allowedActions: ['return', 'assist', 'sign'] })} />, { seed: seeded() });

    const buttons = screen.getAllByRole('button').map((button) => button.getAttribute('data-testid'));
    expect(buttons).toEqual(['action-assist', 'action-sign', 'action-return']);
    expect(label('action-assist')).toBe('协办');
  });

  it('loads the action table once from the server and labels the buttons from it', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer(CASE_ACTION_TABLE));
    renderWithProviders(
      <>
        <CaseActions item={aCase()} />
        <CaseActions item={aCase({ id: 'case-2', allowedActions: ['sign'] })} />
      </>,
    );

    expect((await screen.findAllByTestId('action-sign')).map((button) => button.textContent!.replace(/\s/g, ''))).toEqual(['签收', '签收']);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/case-actions']);
  });

  it('switches the button labels with the UI language', async () => {
    const { i18n } = renderWithProviders(<CaseActions item={aCase({ allowedActions: ['assist', 'return'] })} />, { seed: seeded() });
    expect(label('action-return')).toBe('回退');

    await act(() => changeLanguage('en', i18n));

    expect(screen.getByTestId('action-return').textContent).toBe('Return');
    expect(screen.getByTestId('action-assist').textContent).toBe('Assist');
  });

  it('shows nothing when the user may take no action', () => {
    const { container } = renderWithProviders(<CaseActions item={aCase({ allowedActions: [] })} />, { seed: seeded() });
    expect(container.querySelector('[data-testid="case-actions"]')).toBeNull();
  });

  it('asks for the reason of a return before sending it with the version the user saw', async () => {
    const fetch = acceptActions();
    const done = vi.fn();
    renderWithProviders(<CaseActions item={aCase()} onDone={done} />, { seed: seeded() });

    fireEvent.click(screen.getByTestId('action-return'));
    fireEvent.click(await screen.findByTestId('action-submit'));
    expect(await screen.findByText('此项必填')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: '不属于本部门' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(done).toHaveBeenCalledWith(expect.objectContaining({ version: 5 }), 'return'));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/cases/case-1/return');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ expectedVersion: 4, reason: '不属于本部门' });
  });

  it('says the case moved on when the server answers 409', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ title: 'The case changed since you loaded it', detail: 'now at version 6', status: 409 }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    renderWithProviders(<CaseActions item={aCase()} />, { seed: seeded() });

    fireEvent.click(screen.getByTestId('action-sign'));
    fireEvent.click(await screen.findByTestId('action-submit'));

    expect(await screen.findByTestId('action-error')).toHaveProperty('textContent', expect.stringContaining('案件已变化'));
  });

  /** A form with the given fields, offered as the only action of the case. */
  async function openForm(fields: CaseActionSpec['fields']) {
    const spec: CaseActionSpec = { action: 'everything', labelZh: '全部', labelEn: 'Everything', danger: false, photos: false, fields };
    const fetch = acceptActions();
    renderWithProviders(<CaseActions item={aCase({ allowedActions: ['everything'] })} />, { seed: seeded([spec]) });
    fireEvent.click(screen.getByTestId('action-everything'));
    await screen.findByTestId('action-form-everything');
    return fetch;
  }

  it(
    'renders an input for text, yes/no, department and department-list fields and sends each answer',
    async () => {
      const fetch = await openForm([
        { name: 'opinion', kind: 'text', required: false },
        { name: 'passed', kind: 'boolean', required: true },
        { name: 'departmentKey', kind: 'department', required: true },
        { name: 'assistingDepartmentKeys', kind: 'departments', required: false },
      ]);

      fireEvent.change(screen.getByTestId('action-opinion'), { target: { value: ' 请尽快 ' } });
      fireEvent.click(screen.getByTestId('action-passed-no'));
      await pick('action-departmentKey', 'department-option-xs-traffic');
      await pick('action-assistingDepartmentKeys', 'department-option-xs-street');
      await pick('action-assistingDepartmentKeys', 'department-option-gl-drainage');
      fireEvent.click(screen.getByTestId('action-submit'));

      await waitFor(() => expect(fetch).toHaveBeenCalled());
      expect(fetch.mock.calls[0]![0]).toBe('/api/cases/case-1/everything');
      expect(sentBody(fetch)).toEqual({
        expectedVersion: 4,
        opinion: '请尽快',
        passed: false,
        departmentKey: 'xs-traffic',
        assistingDepartmentKeys: ['xs-street', 'gl-drainage'],
      });
    },
    timeout,
  );

  it(
    'renders an input for limit, category and condition fields and sends each answer',
    async () => {
      const fetch = await openForm([
        { name: 'limit', kind: 'limit', required: true },
        { name: 'categoryId', kind: 'category', required: false },
        { name: 'conditionId', kind: 'condition', required: false },
      ]);

      fireEvent.change(document.getElementById('action-limit')!, { target: { value: '3' } });
      await pick('action-limit-group', 'unit-option-working_days');
      await pick('action-categoryId', 'category-option-cat-manhole');
      await pick('action-conditionId', 'condition-option-cond-broken');
      fireEvent.click(screen.getByTestId('action-submit'));

      await waitFor(() => expect(fetch).toHaveBeenCalled());
      expect(sentBody(fetch)).toEqual({
        expectedVersion: 4,
        limit: 3,
        unit: 'working_days',
        categoryId: 'cat-manhole',
        conditionId: 'cond-broken',
      });
    },
    timeout,
  );

  it(
    '内部派遣: offers the handlers of the case’s department and its units, not the one who has it, and sends the user name',
    async () => {
      const fetch = acceptActions();
      const item = aCase({
        allowedActions: ['assign-handler'],
        department: { key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Xiangshan Traffic Police' },
        assignee: { userName: 'handler.xs-traffic', displayName: '交警处置员', department: null },
      });
      renderWithProviders(<CaseActions item={item} />, {
        seed: (queryClient) => {
          seeded()(queryClient);
          queryClient.setQueryData(sharedKeys.departmentHandlers('xs-traffic'), [
            { userName: 'handler.xs-traffic', displayName: '交警处置员', departmentKey: 'xs-traffic', departmentNameZh: '象山交警大队', departmentNameEn: 'Traffic' },
            { userName: 'traffic.b', displayName: '交警二号', departmentKey: 'xs-traffic', departmentNameZh: '象山交警大队', departmentNameEn: 'Traffic' },
            { userName: 'traffic.team1', displayName: '一中队处置员', departmentKey: 'xs-traffic-team1', departmentNameZh: '一中队', departmentNameEn: 'Squad 1' },
          ]);
        },
      });
      fireEvent.click(screen.getByTestId('action-assign-handler'));
      fireEvent.click(await screen.findByTestId('action-submit'));
      expect(await screen.findByText('此项必填')).toBeTruthy();

      await pick('action-assigneeUserName', 'person-option-traffic.team1');
      expect(screen.queryByTestId('person-option-handler.xs-traffic')).toBeNull();
      expect(screen.getAllByText('一中队').length).toBeGreaterThan(0);
      fireEvent.click(screen.getByTestId('action-submit'));

      await waitFor(() => expect(fetch).toHaveBeenCalled());
      expect(fetch.mock.calls[0]![0]).toBe('/api/cases/case-1/assign-handler');
      expect(sentBody(fetch)).toEqual({ expectedVersion: 4, assigneeUserName: 'traffic.team1' });
    },
    timeout,
  );

  it(
    'does not offer a retired department for dispatch',
    async () => {
      acceptActions();
      renderWithProviders(<CaseActions item={aCase({ state: 'ToDispatch', allowedActions: ['dispatch'] })} />, {
        seed: (queryClient) => {
          seeded()(queryClient);
          queryClient.setQueryData(sharedKeys.departments, [
            ...departments,
            { key: 'xs-old', nameZh: '已撤销的办公室', nameEn: 'Old office', kind: 'municipal', level: 'district', retired: true },
          ]);
        },
      });
      fireEvent.click(screen.getByTestId('action-dispatch'));
      fireEvent.mouseDown(within(await screen.findByTestId('action-departmentKey')).getByRole('combobox'));

      expect(await screen.findByTestId('department-option-xs-traffic')).toBeTruthy();
      expect(screen.queryByTestId('department-option-xs-old')).toBeNull();
    },
    timeout,
  );

  it(
    'offers the conditions of the case’s own category when the form has no category field',
    async () => {
      const fileCondition: CaseActionSpec = {
        ...CASE_ACTION_TABLE.find((spec) => spec.action === 'file')!,
        fields: [{ name: 'conditionId', kind: 'condition', required: true }],
      };
      const fetch = acceptActions();
      renderWithProviders(<CaseActions item={aCase({ allowedActions: ['file'] })} />, { seed: seeded([fileCondition]) });
      fireEvent.click(screen.getByTestId('action-file'));

      await pick('action-conditionId', 'condition-option-cond-parking');
      expect(screen.queryByTestId('condition-option-cond-broken')).toBeNull();
      fireEvent.click(screen.getByTestId('action-submit'));

      await waitFor(() => expect(fetch).toHaveBeenCalled());
      expect(sentBody(fetch)).toEqual({ expectedVersion: 4, conditionId: 'cond-parking' });
    },
    timeout,
  );

  it(
    'files a case with a corrected category and one of that category’s conditions',
    async () => {
      const fetch = acceptActions();
      renderWithProviders(<CaseActions item={aCase({ state: 'Accepted', allowedActions: ['file'] })} />, { seed: seeded() });
      fireEvent.click(screen.getByTestId('action-file'));

      await pick('action-categoryId', 'category-option-cat-manhole');
      await pick('action-conditionId', 'condition-option-cond-missing');
      fireEvent.click(screen.getByTestId('action-submit'));

      await waitFor(() => expect(fetch).toHaveBeenCalled());
      expect(fetch.mock.calls[0]![0]).toBe('/api/cases/case-1/file');
      expect(sentBody(fetch)).toEqual({ expectedVersion: 4, categoryId: 'cat-manhole', conditionId: 'cond-missing' });
    },
    timeout,
  );

  it(
    'names assisting departments with assist, and sends an empty list to end co-handling',
    async () => {
      const fetch = acceptActions();
      const item = aCase({ state: 'Handling', allowedActions: ['assist'] });
      const view = renderWithProviders(<CaseActions item={item} />, { seed: seeded() });

      fireEvent.click(screen.getByTestId('action-assist'));
      expect(await screen.findByText('协办部门')).toBeTruthy();
      await pick('action-assistingDepartmentKeys', 'department-option-xs-street');
      fireEvent.click(screen.getByTestId('action-submit'));
      await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
      expect(fetch.mock.calls[0]![0]).toBe('/api/cases/case-1/assist');
      expect(sentBody(fetch)).toEqual({ expectedVersion: 4, assistingDepartmentKeys: ['xs-street'] });

      view.rerender(<CaseActions item={{ ...item, version: 5 }} />);
      fireEvent.click(screen.getByTestId('action-assist'));
      fireEvent.click(await screen.findByTestId('action-submit'));
      await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
      expect(sentBody(fetch)).toEqual({ expectedVersion: 5, assistingDepartmentKeys: [] });
    },
    timeout,
  );

  it('requires an opinion on a failed check only, as the table says', async () => {
    const fetch = acceptActions();
    renderWithProviders(<CaseActions item={aCase({ state: 'Checking', allowedActions: ['check'] })} />, { seed: seeded() });
    fireEvent.click(screen.getByTestId('action-check'));

    fireEvent.click(await screen.findByTestId('action-passed-no'));
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(await screen.findByText('此项必填')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('action-passed-yes'));
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(sentBody(fetch)).toEqual({ expectedVersion: 4, passed: true });
  });

  it('answers a field of a kind it does not know in a text box', async () => {
    const odd: CaseActionSpec = {
      action: 'sign',
      labelZh: '签收',
      labelEn: 'Sign for',
      danger: false,
      photos: false,
      fields: [{ name: 'signature', kind: 'signature-pad', required: true }],
    };
    const fetch = acceptActions();
    renderWithProviders(<CaseActions item={aCase({ allowedActions: ['sign'] })} />, { seed: seeded([odd]) });
    fireEvent.click(screen.getByTestId('action-sign'));

    const box = await screen.findByTestId('action-signature');
    expect(box.tagName).toBe('TEXTAREA');
    fireEvent.change(box, { target: { value: '王五' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(sentBody(fetch)).toEqual({ expectedVersion: 4, signature: '王五' });
  });

  it('says so, with a retry, when the action table cannot be loaded', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(answer({ title: 'Boom' }, 500));
    renderWithProviders(<CaseActions item={aCase()} />);

    expect(await screen.findByTestId('case-actions-error')).toHaveProperty('textContent', expect.stringContaining('无法加载'));
    expect(screen.queryByTestId('action-sign')).toBeNull();
  });
});
