import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CaseDrawer, TraceLine } from '@/components/case-drawer';
import type { CaseDto } from '@/lib/api-types';
import { changeLanguage } from '@/lib/i18n';
import { aCase, aTraceEntry } from '@/testing/case-dto';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

const timeout = allowSlowRenders();

// Leaflet draws nothing in jsdom; the drawer's map is not what these tests are about.
vi.mock('@/components/map-view', () => ({ MapView: () => null }));

/** The case as the server renders it for a language: trace text follows Accept-Language. */
function caseIn(language: string): CaseDto {
  const en = language === 'en';
  return aCase({
    state: 'Dispatched',
    version: 3,
    allowedActions: [],
    trace: [
      aTraceEntry({
        action: 'report',
        code: 'reported',
        text: en ? 'Reported' : '上报',
        actor: 'patroller1',
        actorName: en ? 'Zhang San' : '张三',
        role: 'patroller',
        departmentKey: null,
        departmentName: null,
        fromState: null,
        toState: 'Reported',
        opinion: '路口有车',
      }),
      aTraceEntry({
        text: en ? 'Dispatched by rule “0505 default” to Guilin Drainage' : '按派遣规则「0505 默认」派遣至 桂林市排水公司',
        actorName: en ? 'System' : '系统',
        departmentName: en ? 'Guilin Drainage' : '桂林市排水公司',
      }),
    ],
  });
}

describe('case trace', { timeout }, () => {
  it('shows the server’s line and the person’s name, never the raw department key or user name', () => {
    renderWithProviders(<TraceLine entry={aTraceEntry({ actor: 'dispatcher1', actorName: '李四', role: 'dispatcher', action: 'dispatch' })} />);

    expect(screen.getByTestId('trace-text').textContent).toBe('按派遣规则「0505 默认」派遣至 桂林市排水公司');
    expect(screen.getByTestId('trace-actor').textContent).toBe('李四 · 派遣员');
    expect(document.body.textContent).not.toContain('gl-drainage');
    expect(document.body.textContent).not.toContain('dispatcher1');
  });

  it('names the department when the line does not, and the system once', () => {
    renderWithProviders(<TraceLine entry={aTraceEntry({ code: 'signed', action: 'sign', text: '签收' })} />);

    expect(screen.getByTestId('trace-actor').textContent).toBe('系统 · 桂林市排水公司');
  });

  it('shows the opinion when there is one that says more than the line', () => {
    const view = renderWithProviders(<TraceLine entry={aTraceEntry({ code: 'returned', text: '回退', opinion: '不属于本部门' })} />);
    expect(screen.getByTestId('trace-opinion').textContent).toBe('不属于本部门');

    view.rerender(<TraceLine entry={aTraceEntry({ code: 'escalated', text: '督办：尽快处理', opinion: '督办：尽快处理' })} />);
    expect(screen.queryByTestId('trace-opinion')).toBeNull();
  });

  it(
    'asks for the case in the UI language and reads it again, in the new one, when the language switches',
    async () => {
      const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
        const language = (init?.headers as Record<string, string>)['Accept-Language'] ?? '';
        return new Response(JSON.stringify(caseIn(language)), { status: 200, headers: { 'Content-Type': 'application/json' } });
      });
      const { i18n } = renderWithProviders(<CaseDrawer caseId="case-1" version={3} onClose={() => undefined} />);

      const trace = await screen.findByTestId('case-trace');
      expect(within(trace).getByTestId('trace-dispatch').textContent).toContain('派遣至 桂林市排水公司');
      expect(within(trace).getByTestId('trace-report').textContent).toContain('张三');
      expect((fetch.mock.calls[0]![1]?.headers as Record<string, string>)['Accept-Language']).toBe('zh-CN');

      await act(() => changeLanguage('en', i18n));

      await expect
        .poll(() => screen.getByTestId('case-trace').textContent)
        .toContain('Dispatched by rule “0505 default” to Guilin Drainage');
      expect(screen.getByTestId('case-trace').textContent).toContain('Zhang San');
      expect((fetch.mock.calls.at(-1)![1]?.headers as Record<string, string>)['Accept-Language']).toBe('en');
    },
    timeout,
  );
});
