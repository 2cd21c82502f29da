import { describe, expect, it } from 'vitest';
import { newCaseIds } from '@/features/board/hooks/use-new-case-notifications';
import { aCaseSummary } from '@/testing/case-summary';

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
