import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DeadLettersTab } from '@/features/admin/components/dead-letters-tab';
import type { DeadLetter } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const letter: DeadLetter = {
  id: 'dl-1',
  messageId: 'msg-1',
  messageType: 'CaseFiled',
  message: { caseId: 'case-404', version: 3 },
  queue: 'route-case',
  exceptionType: 'System.InvalidOperationException',
  exceptionMessage: 'Case case-404 does not exist.',
  faultedAt: '2026-03-02T01:00:00Z',
  status: 'open',
  replayedAt: null,
  replayedBy: null,
  replayMessageId: null,
  discardedAt: null,
  discardedBy: null,
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('DeadLettersTab', { timeout: allowSlowRenders() }, () => {
  it('shows an open letter, its message on expanding, and replays it after confirmation', async () => {
    let replayed = false;
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/admin/dead-letters/dl-1/replay' && init?.method === 'POST') {
        replayed = true;
        return json({ ...letter, status: 'replayed', replayedBy: 'admin', replayedAt: '2026-03-02T02:00:00Z' });
      }
      if (url === '/api/admin/dead-letters?status=open') return json(replayed ? { open: 0, items: [] } : { open: 1, items: [letter] });
      return json({ title: `unexpected ${url}` }, 500);
    });
    renderWithProviders(<DeadLettersTab />);

    const row = await screen.findByTestId('dead-letter-row-dl-1');
    expect(row.textContent).toContain('CaseFiled');
    expect(row.textContent).toContain('route-case');
    expect(row.textContent).toContain('Case case-404 does not exist.');
    fireEvent.click(within(row).getByRole('button', { name: /展开行|expand/i }));
    expect((await screen.findByTestId('dead-letter-message')).textContent).toContain('"caseId": "case-404"');

    fireEvent.click(within(row).getByTestId('dead-letter-replay'));
    fireEvent.click(await screen.findByTestId('dead-letter-replay-confirm'));

    expect(await screen.findByTestId('dead-letters-empty')).toBeTruthy();
    expect(fetch.mock.calls.some(([url, init]) => url === '/api/admin/dead-letters/dl-1/replay' && init?.method === 'POST')).toBe(true);
  });

  it('says so when the letter was closed meanwhile (409)', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url.endsWith('/discard') && init?.method === 'POST')
        return json({ title: 'Conflict', status: 409, detail: 'Dead letter dl-1 was already replayed.' }, 409, 'application/problem+json');
      return json({ open: 1, items: [letter] });
    });
    renderWithProviders(<DeadLettersTab />);

    fireEvent.click(within(await screen.findByTestId('dead-letter-row-dl-1')).getByTestId('dead-letter-discard'));
    fireEvent.click(await screen.findByTestId('dead-letter-discard-confirm'));

    await waitFor(() => expect(document.body.textContent).toContain('Dead letter dl-1 was already replayed.'));
  });
});
