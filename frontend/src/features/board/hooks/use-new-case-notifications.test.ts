import { renderHook } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { newCaseIds, useNewCaseNotifications } from '@/features/board/hooks/use-new-case-notifications';
import type { CaseSummary } from '@/lib/api-types';
import { createI18n } from '@/lib/i18n';
import { aCaseSummary } from '@/testing/case-summary';
import { allowSlowRenders } from '@/testing/render';

const timeout = allowSlowRenders();

describe('newCaseIds', () => {
  it('announces nothing for the first list a board shows', () => {
    expect(newCaseIds(null, [aCaseSummary(), aCaseSummary()])).toEqual([]);
  });

  it('announces the cases that were not on the board before', () => {
    const held = aCaseSummary();
    const arrived = aCaseSummary();

    expect(newCaseIds(new Set([held.id]), [arrived, held])).toEqual([arrived.id]);
  });

  it('does not announce a case again when only its state changed', () => {
    const held = aCaseSummary({ version: 1 });

    expect(newCaseIds(new Set([held.id]), [{ ...held, version: 2, state: 'Handling' }])).toEqual([]);
  });
});

describe('useNewCaseNotifications', () => {
  const i18n = createI18n('zh-CN');
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(I18nextProvider, { i18n }, createElement(AntApp, null, children));

  it('chimes once for each batch of new cases when the sound is on, never for the first list', () => {
    const chime = vi.fn();
    const held = aCaseSummary();
    const { rerender } = renderHook(
      ({ cases, sound }: { cases: CaseSummary[]; sound: boolean }) => useNewCaseNotifications('xs-traffic', cases, sound, chime),
      { wrapper, initialProps: { cases: [held], sound: true } },
    );
    expect(chime).not.toHaveBeenCalled();

    rerender({ cases: [aCaseSummary(), aCaseSummary(), held], sound: true });
    expect(chime).toHaveBeenCalledTimes(1);

    rerender({ cases: [aCaseSummary(), held], sound: false });
    expect(chime).toHaveBeenCalledTimes(1);
  }, timeout);
});
