import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RuleFormDrawer } from '@/features/admin/components/rule-form-drawer';
import type { RoutingRule } from '@/lib/api-types';
import { aCategory } from '@/testing/category';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const parking = aCategory({
  id: 'cat-0505',
  conditions: [{ id: 'cond-1', nameZh: '占用人行道或车道', nameEn: 'on a pavement or traffic lane', limit: 2, unit: 'working_hours', closingStandardZh: '', closingStandardEn: '', retired: false, version: 1 }],
});

const rule: RoutingRule = {
  id: 'rule-1',
  category: { id: 'cat-0505', kind: 'event', code: '0505', nameZh: '机动车乱停放', nameEn: 'Illegal parking (motor vehicle)' },
  gridCode: '450304002',
  condition: null,
  gridName: '南门街道',
  ownerDepartment: null,
  departmentKind: null,
  validTo: null,
  replacesRuleId: null,
  target: 'department',
  department: { key: 'xs-enforcement', nameZh: '象山区城市管理综合执法局', nameEn: 'Xiangshan Urban Management Enforcement Bureau' },
  priority: 5,
  validFrom: '2026-03-01T00:00:00Z',
  inForce: true,
  createdBy: 'admin',
  note: '试行',
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function server(write: () => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/departments')
      return json([{ key: 'xs-enforcement', nameZh: '象山区城市管理综合执法局', nameEn: 'Enforcement', kind: 'enforcement', level: 'district' }]);
    if (url.startsWith('/api/grids?')) return json([]);
    if (url.startsWith('/api/admin/routing/rules') && init?.method) return write();
    return json({ title: `unexpected ${url}` }, 500);
  });
}

const writes = (fetch: ReturnType<typeof server>) => fetch.mock.calls.filter(([url]) => String(url).startsWith('/api/admin/routing/rules'));

describe('RuleFormDrawer', { timeout: allowSlowRenders() }, () => {
  it('changes a rule with PUT and the rule as it was, its successor starting when saved', async () => {
    const fetch = server(() => json({ ...rule, id: 'rule-2', replacesRuleId: 'rule-1' }));
    const saved = vi.fn();
    renderWithProviders(<RuleFormDrawer editing={{ mode: 'change', rule }} categories={[parking]} onClose={() => {}} onSaved={saved} />);

    fireEvent.click(await screen.findByTestId('rule-save'));

    await waitFor(() => expect(saved).toHaveBeenCalledWith(expect.objectContaining({ id: 'rule-2' })));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/admin/routing/rules/rule-1');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init?.body as string)).toEqual({
      categoryId: 'cat-0505',
      gridCode: '450304002',
      target: 'department',
      departmentKey: 'xs-enforcement',
      priority: 5,
      note: '试行',
    });
  });

  it("puts the server's field errors on their fields", async () => {
    server(() =>
      json(
        { title: 'One or more validation errors occurred.', status: 400, errors: { gridCode: ['No grid node 450304002.'], priority: ['Priority must be between -1000 and 1000.'] } },
        400,
        'application/problem+json',
      ),
    );
    const saved = vi.fn();
    renderWithProviders(<RuleFormDrawer editing={{ mode: 'change', rule }} categories={[parking]} onClose={() => {}} onSaved={saved} />);

    fireEvent.click(await screen.findByTestId('rule-save'));

    const form = screen.getByTestId('rule-form');
    expect(await within(form).findByText('No grid node 450304002.')).toBeTruthy();
    expect(within(form).getByText('Priority must be between -1000 and 1000.')).toBeTruthy();
    expect(screen.queryByTestId('rule-form-error')).toBeNull();
    expect(saved).not.toHaveBeenCalled();
  });

  it('says why when the rule was retired meanwhile (409)', async () => {
    server(() => json({ title: 'Conflict', status: 409, detail: 'Routing rule rule-1 was already retired.' }, 409, 'application/problem+json'));
    renderWithProviders(<RuleFormDrawer editing={{ mode: 'change', rule }} categories={[parking]} onClose={() => {}} onSaved={() => {}} />);

    fireEvent.click(await screen.findByTestId('rule-save'));

    expect((await screen.findByTestId('rule-form-error')).textContent).toContain('Routing rule rule-1 was already retired.');
  });

  it('asks for a category and a department before sending a new rule', async () => {
    const fetch = server(() => json(rule, 201));
    renderWithProviders(<RuleFormDrawer editing={{ mode: 'new' }} categories={[parking]} onClose={() => {}} onSaved={() => {}} />);

    fireEvent.click(await screen.findByTestId('rule-save'));

    expect(await screen.findByText('请选择问题类别')).toBeTruthy();
    expect(await screen.findByText('请选择派往部门')).toBeTruthy();
    expect(writes(fetch)).toHaveLength(0);
  });
});
