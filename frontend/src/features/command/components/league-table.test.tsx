import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeagueTable } from '@/features/command/components/league-table';
import type { DepartmentStanding } from '@/features/command/lib/board-stats';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const rows: DepartmentStanding[] = [
  { key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Traffic', rank: 1, rankChange: 2, score: 92.25, open: 3, overdue: 1, onTimeRate: 0.9, reworkRate: 0.125 },
  { key: 'xs-water', nameZh: '象山水务', nameEn: 'Water', rank: 2, rankChange: -1, score: 70, open: 0, overdue: 0, onTimeRate: null, reworkRate: 0 },
  { key: 'xs-new', nameZh: '新设部门', nameEn: 'New', rank: null, rankChange: null, score: null, open: 2, overdue: 0, onTimeRate: null, reworkRate: null },
];

describe('LeagueTable (wall)', { timeout: allowSlowRenders() }, () => {
  it("shows the server's rank and its change, the live counts, real rework rates and the score", () => {
    renderWithProviders(<LeagueTable rows={rows} />);
    const cells = (key: string) => within(screen.getByTestId(`league-${key}`)).getAllByRole('cell').map((cell) => cell.textContent);

    expect(cells('xs-traffic')).toEqual(['12', '象山交警大队', '3', '1', '90%', '12.5%', '92.3']);
    expect(screen.getByTestId('league-change-xs-traffic').getAttribute('data-change')).toBe('2');
    expect(screen.getByTestId('league-change-xs-water').querySelector('.anticon-arrow-down')).toBeTruthy();
    expect(cells('xs-water')).toEqual(['21', '象山水务', '0', '0', '—', '0%', '70.0']);
    expect(cells('xs-new')).toEqual(['—', '新设部门', '2', '0', '—', '—', '—']);
  });
});
