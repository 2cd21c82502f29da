import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CaseActions } from '@/components/case-actions';
import type { CaseDto } from '@/lib/api-types';
import { renderWithProviders } from '@/testing/render';

function aCase(overrides: Partial<CaseDto> = {}): CaseDto {
  return {
    id: 'case-1',
    number: '450304-2026-000001',
    state: 'Dispatched',
    version: 4,
    source: 'patrol',
    category: { id: 'cat', code: '0505', nameZh: '机动车乱停放', nameEn: 'Illegal parking' },
    longitude: 110.29,
    latitude: 25.255,
    description: '',
    reportedBy: 'patroller1',
    reportedAt: '2026-03-02T01:00:00Z',
    updatedAt: '2026-03-02T01:00:00Z',
    photos: [],
    trace: [],
    allowedActions: ['return', 'sign'],
    ...overrides,
  };
}

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('CaseActions', () => {
  it('shows exactly the actions the server allows, forward moves first', () => {
    renderWithProviders(<CaseActions item={aCase()} />);

    const buttons = screen.getAllByRole('button').map((button) => button.getAttribute('data-testid'));
    expect(buttons).toEqual(['action-sign', 'action-return']);
  });

  it('shows nothing when the user may take no action', () => {
    const { container } = renderWithProviders(<CaseActions item={aCase({ allowedActions: [] })} />);
    expect(container.querySelector('[data-testid="case-actions"]')).toBeNull();
  });

  it('asks for the reason of a return before sending it with the version the user saw', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(answer(aCase({ state: 'Returned', version: 5, allowedActions: [] })));
    const done = vi.fn();
    renderWithProviders(<CaseActions item={aCase()} onDone={done} />);

    fireEvent.click(screen.getByTestId('action-return'));
    fireEvent.click(await screen.findByTestId('action-submit'));
    expect(await screen.findByText('此项必填')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: '不属于本部门' } });
    fireEvent.click(screen.getByTestId('action-submit'));

    await waitFor(() => expect(done).toHaveBeenCalledWith(expect.objectContaining({ state: 'Returned', version: 5 }), 'return'));
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
    renderWithProviders(<CaseActions item={aCase()} />);

    fireEvent.click(screen.getByTestId('action-sign'));
    fireEvent.click(await screen.findByTestId('action-submit'));

    expect(await screen.findByTestId('action-error')).toHaveProperty('textContent', expect.stringContaining('案件已变化'));
  });
});
