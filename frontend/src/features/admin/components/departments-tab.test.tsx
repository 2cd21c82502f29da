import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DepartmentsTab } from '@/features/admin/components/departments-tab';
import type { AdminDepartment, GridNode } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const traffic: AdminDepartment = {
  key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Xiangshan Traffic Police', kind: 'traffic_police', level: 'district',
  jurisdictionCodes: ['450304'], contactPhone: '0773-2825000', dutyPhone: null, parentKey: null, retired: false, retiredAt: null,
  version: 812, openCases: 3, assistingCases: 1,
};
const oldOffice: AdminDepartment = {
  ...traffic, key: 'xs-old', nameZh: '旧办公室', nameEn: 'Old office', kind: 'municipal', retired: true, retiredAt: '2026-11-01T00:00:00Z',
  version: 90, openCases: 0, assistingCases: 0, contactPhone: null,
};

const street: GridNode = { code: '450304001', level: 'street', name: '象山街道', parentCode: '450304', validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] };

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** Answers the tab's reads; `write` answers POST and PUT. */
function server(write: (url: string, init: RequestInit) => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method && init.method !== 'GET') return write(url, init);
    if (url === '/api/admin/departments') return json([traffic, oldOffice]);
    if (url === '/api/admin/departments/kinds') return json([{ code: 'traffic_police', nameZh: '交警', nameEn: 'Traffic police' }, { code: 'municipal', nameZh: '市政', nameEn: 'Municipal' }]);
    const level = /\/api\/grids\?level=(\w+)/.exec(url)?.[1];
    if (level) return json(level === 'street' ? [street] : []);
    return json({ title: `unexpected ${url}` }, 500);
  });
}

describe('DepartmentsTab', { timeout: allowSlowRenders() }, () => {
  it('lists departments in service with kind, phones and open cases, and the retired ones on request', async () => {
    server(() => json({}, 500));
    renderWithProviders(<DepartmentsTab />);

    expect((await screen.findByTestId('department-name-xs-traffic')).textContent).toContain('象山交警大队');
    expect(await screen.findByText('交警')).toBeTruthy();
    expect(screen.getByTestId('department-open-xs-traffic').textContent).toBe('3 + 1');
    expect(screen.queryByTestId('department-name-xs-old')).toBeNull();

    fireEvent.click(screen.getByTestId('departments-show-retired'));

    expect(await screen.findByTestId('department-retired-xs-old')).toBeTruthy();
    expect(screen.getByTestId('department-restore-xs-old')).toBeTruthy();
  });

  it('shows what still points at a department when retiring it is refused', async () => {
    const fetch = server((url) =>
      url.endsWith('/retire')
        ? json(
            {
              title: 'Still in use', status: 409, detail: 'Department xs-traffic cannot be retired.',
              blockers: {
                openCases: { count: 23, items: ['450304-2026-000001', '450304-2026-000002'] },
                assistingCases: { count: 0, items: [] },
                rules: { count: 1, items: [{ id: 'r1', name: '0505 违章停车 · 450304001' }] },
                accounts: { count: 1, items: [{ userName: 'handler.xs-traffic', displayName: '交警处置员' }] },
                subUnits: { count: 0, items: [] },
              },
            },
            409,
            'application/problem+json',
          )
        : json({}, 500),
    );
    renderWithProviders(<DepartmentsTab />);

    fireEvent.click(await screen.findByTestId('department-retire-xs-traffic'));
    fireEvent.click(await screen.findByTestId('department-retire-ok'));

    const refusal = await screen.findByTestId('department-retire-refusal');
    expect(within(refusal).getByTestId('blockers-openCases').textContent).toContain('主办在办案件 23 件');
    expect(within(refusal).getByText('450304-2026-000002')).toBeTruthy();
    expect(within(refusal).getByText('……另有 21 项')).toBeTruthy();
    expect(within(refusal).getByText('0505 违章停车 · 450304001')).toBeTruthy();
    expect(within(refusal).getByText('交警处置员（handler.xs-traffic）')).toBeTruthy();
    expect(within(refusal).queryByTestId('blockers-assistingCases')).toBeNull();
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toBe('/api/admin/departments/xs-traffic/retire');
    expect(JSON.parse(post[1]!.body as string)).toEqual({ version: 812 });
  });

  it('sends an edit with the version it was made from and shows a stale-version refusal with the current record', async () => {
    const fetch = server(() =>
      json(
        {
          title: 'Changed by someone else', status: 409, detail: 'Department xs-traffic was changed.', currentVersion: '815',
          current: { ...traffic, nameZh: '象山交警大队（新）', version: 815 },
          errors: { version: ['Stale: the current version is 815.'] },
        },
        409,
        'application/problem+json',
      ),
    );
    renderWithProviders(<DepartmentsTab />);

    fireEvent.click(await screen.findByTestId('department-edit-xs-traffic'));
    const name = (await screen.findByTestId('department-name-zh')) as HTMLInputElement;
    fireEvent.change(name, { target: { value: '象山区交警大队' } });
    fireEvent.change(screen.getByTestId('department-duty-phone'), { target: { value: '12345' } });
    fireEvent.click(screen.getByTestId('department-submit'));

    const stale = await screen.findByTestId('department-stale');
    expect(stale.textContent).toContain('815');
    expect(stale.textContent).toContain('象山交警大队（新）');
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/admin/departments/xs-traffic');
    expect(JSON.parse(put[1]!.body as string)).toMatchObject({ key: null, nameZh: '象山区交警大队', dutyPhone: '12345', version: 812, jurisdictionCodes: ['450304'] });

    fireEvent.click(screen.getByTestId('department-stale-apply'));
    fireEvent.click(screen.getByTestId('department-submit'));
    await waitFor(() => expect(fetch.mock.calls.filter(([, init]) => init?.method === 'PUT')).toHaveLength(2));
    const again = fetch.mock.calls.filter(([, init]) => init?.method === 'PUT')[1]!;
    expect(JSON.parse(again[1]!.body as string)).toMatchObject({ nameZh: '象山区交警大队', version: 815 });
  });

  it('marks the fields a refused new department names, list items on their list', async () => {
    server(() =>
      json(
        {
          title: 'One or more validation errors occurred.', status: 400,
          errors: { contactPhone: ["'call me' is not a phone number"], 'jurisdictionCodes[0]': ['No grid node 450304999.'] },
        },
        400,
        'application/problem+json',
      ),
    );
    renderWithProviders(<DepartmentsTab />);

    fireEvent.click(await screen.findByTestId('department-new'));
    fireEvent.change(await screen.findByTestId('department-key'), { target: { value: 'xs-roads' } });
    fireEvent.change(screen.getByTestId('department-name-zh'), { target: { value: '道路养护班' } });
    fireEvent.mouseDown(within(screen.getByTestId('department-kind')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('department-kind-option-municipal'));
    fireEvent.mouseDown(within(screen.getByTestId('department-jurisdiction')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('department-grid-option-450304001'));
    fireEvent.change(screen.getByTestId('department-contact-phone'), { target: { value: 'call me' } });
    fireEvent.click(screen.getByTestId('department-submit'));

    expect(await screen.findByText("'call me' is not a phone number")).toBeTruthy();
    expect(await screen.findByText('No grid node 450304999.')).toBeTruthy();
  });
});
