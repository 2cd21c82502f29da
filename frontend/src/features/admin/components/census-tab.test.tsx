import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CensusTab } from '@/features/admin/components/census-tab';
import type { ComponentRecord, IntactRates } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const light: ComponentRecord = {
  id: '4503040118000001',
  category: { id: 'cat-0118', code: '0118', nameZh: '路灯', nameEn: 'Street light' },
  unitGridCode: '450304001003071',
  owner: { key: 'gl-lighting', nameZh: '桂林市路灯管理所', nameEn: 'Street Lighting Office' },
  maintainer: '路灯所',
  state: 'intact',
  longitude: 110.2901,
  latitude: 25.2551,
  updatedAt: '2026-12-01T00:00:00Z',
  distanceMetres: null,
  condition: 'under_repair',
  retired: false,
  version: 3,
};

const rates: IntactRates = {
  definition: 'Intact rate = intact ÷ in service.',
  totals: [
    {
      category: light.category,
      streetCode: null,
      streetName: null,
      inService: 40,
      intact: 37,
      rate: 0.925,
      target: 0.95,
      meetsTarget: false,
    },
  ],
  rows: [],
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function server(write: (url: string, init: RequestInit | undefined) => Response | null) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const written = init?.method && init.method !== 'GET' ? write(url, init) : null;
    if (written) return written;
    if (url.startsWith('/api/admin/components?')) return json({ items: [light], total: 1, page: 1, pageSize: 50 });
    if (url === '/api/categories?includeRetired=true') return json([]);
    if (url === '/api/components/intact-rates') return json(rates);
    if (url === '/api/departments') return json([]);
    return json({ title: `unexpected ${url}` }, 500);
  });
}

describe('CensusTab', { timeout: allowSlowRenders() }, () => {
  it('lists components with their condition from cases, and street lighting below its 95 % target', async () => {
    server(() => null);
    renderWithProviders(<CensusTab />);

    const row = await screen.findByTestId(`component-row-${light.id}`);
    expect(row.textContent).toContain('桂林市路灯管理所');
    expect(within(row).getByTestId(`component-condition-${light.id}`).textContent).toBe('维修中');
    expect((await screen.findByTestId('intact-rate-0118-all')).textContent).toBe('92.50 %');
    expect(screen.getByTestId('intact-target-0118-all').textContent).toBe('未达标');
  });

  it('shows a refused import row by row, and nothing as imported', async () => {
    server((url) =>
      url === '/api/admin/components/import'
        ? json(
            {
              title: 'The census has problems; nothing was imported',
              status: 422,
              detail: '2 field(s) are wrong.',
              errors: { 'line4.id': ['Component 4503 is numbered as category 0103.'], 'line3.owner': ["No department 'x'."] },
            },
            422,
            'application/problem+json',
          )
        : null,
    );
    const { container } = renderWithProviders(<CensusTab />);
    await screen.findByTestId(`component-row-${light.id}`);

    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['id,category\n'], 'census.csv', { type: 'text/csv' })] } });

    const report = await screen.findByTestId('census-import-problems');
    expect(report.textContent).toContain('2 field(s) are wrong.');
    const cells = within(report).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(cells[0]).toContain('line 3');
    expect(cells[0]).toContain("No department 'x'.");
    expect(cells[1]).toContain('line 4');
    expect(screen.queryByTestId('census-import-result')).toBeNull();
  });

  it('edits a component sending the version it was read at', async () => {
    const sent: unknown[] = [];
    server((url, init) => {
      if (url === `/api/admin/components/${light.id}` && init?.method === 'PUT') {
        sent.push(JSON.parse(String(init.body)));
        return json({ ...light, maintainer: '新养护单位', version: 4 });
      }
      return null;
    });
    renderWithProviders(<CensusTab />);

    fireEvent.click(await screen.findByTestId(`component-edit-${light.id}`));
    fireEvent.change(await screen.findByTestId('component-maintainer'), { target: { value: '新养护单位' } });
    fireEvent.click(screen.getByTestId('component-save'));

    await waitFor(() => expect(sent).toEqual([expect.objectContaining({ maintainer: '新养护单位', owner: 'gl-lighting', version: 3 })]));
  });
});
