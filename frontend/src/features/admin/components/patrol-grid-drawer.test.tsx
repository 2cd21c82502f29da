import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PatrolGridDrawer } from '@/features/admin/components/patrol-grid-drawer';
import type { PatrolGrid, PatrollerAccount } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const grid: PatrolGrid = {
  code: '450304001003-01',
  name: '滨江社区责任网格',
  streetCode: '450304001',
  streetName: '象山街道',
  communityCode: '450304001003',
  communityName: '滨江社区',
  unitGridCodes: ['450304001003001'],
  patrollers: [],
  responsiblePerson: null,
  onDuty: false,
  fallback: { holder: 'shift-leaders', people: ['shiftleader1'] },
  version: 41,
  assignedAt: null,
};

const patrollers: PatrollerAccount[] = [
  { userName: 'patroller1', displayName: '监督员一', enabled: true, gridScope: null, grids: [] },
  { userName: 'patroller.gone', displayName: '离职监督员', enabled: false, gridScope: null, grids: [] },
];

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('PatrolGridDrawer', { timeout: allowSlowRenders() }, () => {
  it('says where tasks go while nobody is on duty, and saves the responsible person with the version read', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ ...grid, responsiblePerson: { name: '王网格长', phone: '0773' } }));
    const onClose = vi.fn();
    renderWithProviders(<PatrolGridDrawer grid={grid} patrollers={patrollers} onClose={onClose} />);

    expect((await screen.findByTestId('patrol-grid-drawer')).textContent).toContain('核实、核查任务现转交值班长：shiftleader1');
    fireEvent.change(screen.getByTestId('patrol-grid-responsible-name'), { target: { value: '王网格长' } });
    fireEvent.change(screen.getByTestId('patrol-grid-responsible-phone'), { target: { value: '0773' } });
    fireEvent.click(screen.getByTestId('patrol-grid-save'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/admin/grids/responsibility/450304001003-01');
    expect(JSON.parse(init!.body as string)).toEqual({ patrollers: [], responsiblePerson: { name: '王网格长', phone: '0773' }, version: 41 });
  });

  it('marks the field the server names and keeps the drawer open', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      json({ title: 'One or more validation errors occurred.', errors: { 'responsiblePerson.phone': ['A phone number of digits.'] } }, 400),
    );
    const onClose = vi.fn();
    renderWithProviders(<PatrolGridDrawer grid={grid} patrollers={patrollers} onClose={onClose} />);

    fireEvent.change(await screen.findByTestId('patrol-grid-responsible-name'), { target: { value: '李' } });
    fireEvent.click(screen.getByTestId('patrol-grid-save'));

    expect(await screen.findByText('A phone number of digits.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
