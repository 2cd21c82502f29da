import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OnSiteTaskList, onSiteTasks } from '@/features/command/components/on-site-tasks';
import { aCaseSummary } from '@/testing/case-summary';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

describe('OnSiteTaskList', { timeout: allowSlowRenders() }, () => {
  const verifying = aCaseSummary({ state: 'Verifying', number: '450304-2026-000101' });
  const checking = aCaseSummary({ state: 'Checking', number: '450304-2026-000102' });
  const dispatched = aCaseSummary({ state: 'Dispatched', number: '450304-2026-000103' });

  it('keeps only verifications and checks, in the order served', () => {
    expect(onSiteTasks([verifying, dispatched, checking]).map((item) => item.number)).toEqual([verifying.number, checking.number]);
    expect(onSiteTasks(undefined)).toEqual([]);
  });

  it('names each task and opens the case it belongs to', () => {
    const select = vi.fn();
    renderWithProviders(<OnSiteTaskList tasks={[verifying, checking]} onSelect={select} />);

    expect(screen.getByTestId(`on-site-task-kind-${verifying.number}`).textContent).toBe('核实');
    expect(screen.getByTestId(`on-site-task-kind-${checking.number}`).textContent).toBe('核查');
    fireEvent.click(screen.getByTestId(`on-site-task-${checking.number}`));

    expect(select).toHaveBeenCalledWith(checking);
  });

  it('says so in English when none waits', () => {
    renderWithProviders(<OnSiteTaskList tasks={[]} onSelect={() => {}} />, { language: 'en' });

    expect(screen.getByText('No on-site task has fallen to the shift leaders')).toBeTruthy();
    expect(screen.queryByTestId('on-site-tasks')).toBeNull();
  });
});
