import { describe, expect, it } from 'vitest';
import { effectiveLight, formatDuration, lightRank, remainingMs } from '@/lib/deadline';

const now = Date.parse('2026-03-02T03:00:00Z');

describe('deadline', () => {
  it('keeps the light the server set while the deadline is ahead', () => {
    expect(effectiveLight('Green', '2026-03-02T04:00:00Z', now)).toBe('Green');
    expect(effectiveLight('Yellow', '2026-03-02T03:00:01Z', now)).toBe('Yellow');
  });

  it('turns red the moment the deadline passes, before the sweeper says so', () => {
    expect(effectiveLight('Yellow', '2026-03-02T03:00:00Z', now)).toBe('Red');
    expect(effectiveLight(null, '2026-03-01T00:00:00Z', now)).toBe('Red');
  });

  it('has no light without a running clock', () => {
    expect(effectiveLight(null, null, now)).toBeNull();
  });

  it('counts down and then up past the deadline', () => {
    expect(remainingMs('2026-03-02T04:30:15Z', now)).toBe(5415000);
    expect(remainingMs('2026-03-02T02:59:00Z', now)).toBe(-60000);
    expect(remainingMs(undefined, now)).toBeNull();
    expect(formatDuration(5415000)).toBe('01:30:15');
    expect(formatDuration(-60000)).toBe('00:01:00');
    expect(formatDuration(26 * 3600 * 1000 + 5000)).toBe('1d 02:00:05');
  });

  it('ranks the most urgent first', () => {
    const sorted = (['Green', null, 'Red', 'Yellow'] as const).slice().sort((a, b) => lightRank(a) - lightRank(b));
    expect(sorted).toEqual(['Red', 'Yellow', 'Green', null]);
  });
});
