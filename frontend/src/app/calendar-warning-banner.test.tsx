import { screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CalendarWarningBanner } from '@/app/calendar-warning-banner';
import { meQueryKey } from '@/lib/session';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const calendar = {
  timeZone: 'Asia/Shanghai',
  workingPeriods: ['08:30-12:00', '14:30-18:00'],
  years: [],
  warnings: [{ code: 'next-year-missing', year: 2027 }],
};

function me(roles: string[]) {
  return { userName: 'someone', displayName: '某人', roles, departmentKey: null, gridScope: null };
}

function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
    String(input) === '/api/calendar'
      ? new Response(JSON.stringify(calendar), { headers: { 'Content-Type': 'application/json' } })
      : new Response('{}', { status: 500, headers: { 'Content-Type': 'application/json' } }),
  );
}

describe('CalendarWarningBanner', { timeout: allowSlowRenders() }, () => {
  it('warns an administrator that next year is missing and links to the calendar', async () => {
    serve();
    renderWithProviders(
      <MemoryRouter>
        <CalendarWarningBanner />
      </MemoryRouter>,
      { seed: (client) => client.setQueryData(meQueryKey, me(['admin'])) },
    );

    const banner = await screen.findByTestId('calendar-warning');
    expect(banner.textContent).toContain('2027 年节假日安排尚未录入');
    expect(screen.getByTestId('calendar-warning-link').getAttribute('href')).toBe('/admin?tab=calendar');
  });

  it('asks a shift leader, in English, to have an administrator enter the year', async () => {
    serve();
    renderWithProviders(
      <MemoryRouter>
        <CalendarWarningBanner />
      </MemoryRouter>,
      { language: 'en', seed: (client) => client.setQueryData(meQueryKey, me(['shift-leader'])) },
    );

    const banner = await screen.findByTestId('calendar-warning');
    expect(banner.textContent).toContain('The 2027 holidays are not entered yet');
    expect(banner.textContent).toContain('Ask an administrator');
  });

  it('shows nothing to a patroller and does not ask for the calendar', async () => {
    const fetch = serve();
    const { container } = renderWithProviders(
      <MemoryRouter>
        <CalendarWarningBanner />
      </MemoryRouter>,
      { seed: (client) => client.setQueryData(meQueryKey, me(['patroller'])) },
    );

    await waitFor(() => expect(container.textContent).toBe(''));
    expect(fetch).not.toHaveBeenCalledWith('/api/calendar', expect.anything());
  });
});
