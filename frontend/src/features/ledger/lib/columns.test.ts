import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, PHONE_COLUMNS, rowFlags, shownColumns } from '@/features/ledger/lib/columns';

describe('ledger columns', () => {
  it('keeps the chosen order and drops unknown keys', () => {
    expect(shownColumns(['deadline', 'bogus', 'number'], false).map((c) => c.key)).toEqual(['deadline', 'number']);
  });

  it('falls back to the default set, a shorter one on a phone', () => {
    expect(shownColumns([], false).map((c) => c.key)).toEqual(DEFAULT_COLUMNS);
    expect(shownColumns(['bogus'], true).map((c) => c.key)).toEqual(PHONE_COLUMNS);
  });

  it('names the flags a row carries', () => {
    expect(rowFlags({ overdue: true, escalated: false, reworkCount: 2, extensionCount: 0 })).toEqual(['overdue', 'reworked']);
    expect(rowFlags({ overdue: false, escalated: false, reworkCount: 0, extensionCount: 0 })).toEqual([]);
  });
});
