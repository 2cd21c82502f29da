import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CallerCase } from '@/features/hotline/api/types';
import { CallList } from '@/features/hotline/components/call-list';
import { aCase } from '@/testing/case-dto';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

function due(overrides: Partial<CallerCase> = {}): CallerCase {
  return {
    id: 'case-9', number: '450304-2026-000009', state: 'Closed', version: 14, source: 'hotline',
    category: { id: 'cat-0505', code: '0505', nameZh: '机动车乱停放', nameEn: 'Illegal parking' },
    description: '人行道停车', addressText: '中山路口', department: { key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Traffic police' },
    reportedAt: '2026-11-30T02:00:00Z', closedAt: '2026-12-01T02:00:00Z', updatedAt: '2026-12-01T02:00:00Z',
    callbackWanted: true, callbackSatisfied: null, reworkCount: 0, callerName: '王先生', callerPhone: '13912345678',
    ...overrides,
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockApi(rows: CallerCase[]) {
  const bodies: unknown[] = [];
  const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/cases/callbacks') return json(bodies.length > 0 ? [] : rows);
    if (url === '/api/cases/case-9/callback') {
      const body = JSON.parse(String(init?.body)) as { satisfied: boolean };
      bodies.push(body);
      return json(aCase({
        id: 'case-9', number: '450304-2026-000009', version: 15, reworkCount: body.satisfied ? 0 : 1,
        state: body.satisfied ? 'Archived' : 'Handling',
        department: { key: 'xs-traffic', nameZh: '象山交警大队', nameEn: 'Traffic police' },
      }));
    }
    return json([]);
  });
  return { fetch, bodies };
}

describe('CallList', { timeout: allowSlowRenders() }, () => {
  it('shows an acceptor the whole phone to dial and records an unsatisfied callback only with the caller’s words', async () => {
    const { bodies } = mockApi([due()]);
    renderWithProviders(<CallList canCallBack />);

    const phone = await screen.findByTestId('callback-phone');
    expect([phone.textContent?.trim(), phone.getAttribute('href')]).toEqual(['13912345678', 'tel:13912345678']);
    fireEvent.click(screen.getByTestId('callback-open-450304-2026-000009'));
    fireEvent.click(screen.getByTestId('callback-satisfied-no'));
    fireEvent.click(screen.getByTestId('callback-submit'));
    expect((await screen.findByTestId('callback-words-required')).textContent).toBe('不满意时须记录来电人的意见');
    expect(bodies).toHaveLength(0);

    fireEvent.change(screen.getByTestId('callback-words'), { target: { value: '车又停回来了' } });
    fireEvent.click(screen.getByTestId('callback-submit'));

    const outcome = await screen.findByTestId('callback-outcome');
    expect(bodies).toEqual([{ expectedVersion: 14, satisfied: false, opinion: '车又停回来了' }]);
    expect([outcome.dataset.state, outcome.dataset.rework, outcome.dataset.department]).toEqual(['Handling', '1', 'xs-traffic']);
    expect(outcome.textContent).toContain('已退回象山交警大队返工（第 1 次）');
    await waitFor(() => expect(screen.queryByTestId('callback-row-450304-2026-000009')).toBeNull());
  });

  it('archives on a satisfied callback, Ctrl+Enter sending it', async () => {
    const { bodies } = mockApi([due()]);
    renderWithProviders(<CallList canCallBack />);

    fireEvent.click(await screen.findByTestId('callback-open-450304-2026-000009'));
    fireEvent.click(screen.getByTestId('callback-satisfied-yes'));
    fireEvent.keyDown(screen.getByTestId('callback-words'), { key: 'Enter', ctrlKey: true });

    expect((await screen.findByTestId('callback-outcome')).textContent).toContain('回访满意，已归档');
    expect(bodies).toEqual([{ expectedVersion: 14, satisfied: true }]);
  });

  it('shows a shift leader the masked phone and no callback form', async () => {
    mockApi([due({ callerPhone: '139****5678' })]);
    renderWithProviders(<CallList canCallBack={false} />);

    const phone = await screen.findByTestId('callback-phone');
    expect([phone.textContent, phone.getAttribute('href')]).toEqual(['139****5678', null]);
    expect(screen.queryByTestId('callback-open-450304-2026-000009')).toBeNull();
  });

  it('says so when no case is due', async () => {
    mockApi([]);
    renderWithProviders(<CallList canCallBack />);

    expect((await screen.findByTestId('callbacks-empty')).textContent).toContain('没有待回访的案件');
  });
});
