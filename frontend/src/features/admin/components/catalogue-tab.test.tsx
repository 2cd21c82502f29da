import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CatalogueTab } from '@/features/admin/components/catalogue-tab';
import type { Category } from '@/lib/api-types';
import { aCategory } from '@/testing/category';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const parking: Category = aCategory({
  id: 'cat-0505',
  version: 11,
  conditions: [
    {
      id: 'cond-1',
      nameZh: '占用人行道',
      nameEn: 'on a pavement',
      limit: 2,
      unit: 'working_hours',
      closingStandardZh: '车辆已驶离',
      closingStandardEn: 'vehicle gone',
      retired: false,
      version: 5,
    },
  ],
});
const old: Category = aCategory({ id: 'cat-0599', code: '0599', nameZh: '旧分类', nameEn: 'Old class', retired: true });

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function server(write: (url: string, init: RequestInit | undefined) => Response | null) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const written = init?.method && init.method !== 'GET' ? write(url, init) : null;
    if (written) return written;
    if (url === '/api/categories?includeRetired=true') return json([parking, old]);
    if (url === '/api/departments') return json([{ key: 'xs-traffic', nameZh: '交警大队', nameEn: 'Traffic police', kind: 'traffic_police', level: 'district' }]);
    return json({ title: `unexpected ${url}` }, 500);
  });
}

describe('CatalogueTab', { timeout: allowSlowRenders() }, () => {
  it('lists categories in use, shows retired ones on asking, and a condition with its closing standard', async () => {
    server(() => null);
    renderWithProviders(<CatalogueTab />);

    const row = await screen.findByTestId('category-row-0505');
    expect(row.textContent).toContain('机动车乱停放');
    expect(screen.queryByTestId('category-row-0599')).toBeNull();
    fireEvent.click(screen.getByTestId('catalogue-show-retired'));
    expect((await screen.findByTestId('category-status-0599')).textContent).toBe('已停用');

    fireEvent.click(within(row).getByRole('button', { name: /展开行|expand/i }));
    expect((await screen.findByTestId('condition-row-cond-1')).textContent).toContain('车辆已驶离');
  });

  it('retires a category after confirmation', async () => {
    let retired = '';
    server((url) => {
      if (url.endsWith('/retire')) {
        retired = url;
        return json({ ...parking, retired: true });
      }
      return null;
    });
    renderWithProviders(<CatalogueTab />);

    fireEvent.click(await screen.findByTestId('category-0505-retire'));
    fireEvent.click(await screen.findByTestId('category-0505-retire-confirm'));

    await waitFor(() => expect(retired).toBe('/api/categories/cat-0505/retire'));
  });

  it('sends an edit with the version it was read at and shows a stale version as the server words it', async () => {
    const sent: unknown[] = [];
    server((url, init) => {
      if (url === '/api/categories/cat-0505' && init?.method === 'PUT') {
        sent.push(JSON.parse(String(init.body)));
        return json(
          { title: 'Changed by someone else', status: 409, detail: 'Category 0505 was changed after version 11 was read.', errors: { version: ['Stale.'] } },
          409,
          'application/problem+json',
        );
      }
      return null;
    });
    renderWithProviders(<CatalogueTab />);

    fireEvent.click(await screen.findByTestId('category-edit-0505'));
    const name = await screen.findByTestId('category-name-zh');
    fireEvent.change(name, { target: { value: '机动车违停' } });
    fireEvent.click(screen.getByTestId('category-save'));

    expect((await screen.findByTestId('category-form-problem')).textContent).toContain('version 11');
    expect(sent).toEqual([expect.objectContaining({ nameZh: '机动车违停', version: 11, code: '0505' })]);
  });
});
