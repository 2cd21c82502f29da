import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { YearCalendar } from '@/features/admin/components/year-calendar';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

describe('YearCalendar', { timeout: allowSlowRenders() }, () => {
  it('draws twelve months with holidays and make-up days marked', () => {
    const { container } = renderWithProviders(
      <YearCalendar
        year={2026}
        marks={{ holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }], extraWorkdays: ['2026-10-10'] }}
      />,
    );

    expect(screen.getByText('10月')).toBeTruthy();
    expect(container.querySelectorAll('.year-calendar__month')).toHaveLength(12);
    expect(container.querySelectorAll('[data-kind="holiday"]')).toHaveLength(7);
    expect(container.querySelector('[data-date="2026-10-10"]')?.getAttribute('data-kind')).toBe('workday');
    expect(container.querySelector('[data-date="2026-10-11"]')?.getAttribute('data-kind')).toBe('weekend');
    expect(container.querySelectorAll('td[data-date]')).toHaveLength(365);
  });
});
