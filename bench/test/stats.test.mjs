import { describe, expect, it } from 'vitest';
import { percentile, schedule, summarize, sustainedRate } from '../lib/stats.mjs';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });

  it('does not care about input order and handles one value', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('lets missing answers (Infinity) dominate a tail they are part of', () => {
    const values = [...Array(98).fill(10), Infinity, Infinity];
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 99)).toBe(Infinity);
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('rounds to a tenth and reports count and max', () => {
    expect(summarize([1.04, 2.06, 3])).toEqual({ count: 3, p50: 2.1, p95: 3, p99: 3, max: 3 });
    expect(summarize([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null });
  });
});

describe('schedule', () => {
  it('spaces requests evenly regardless of answers', () => {
    const s = schedule(100, 10_000);
    expect(s.total).toBe(1000);
    expect(s.offsetMs(0)).toBe(0);
    expect(s.offsetMs(250)).toBe(2500);
  });

  it('says how many requests are due at a moment', () => {
    const s = schedule(1000, 1000);
    expect(s.dueBy(-1)).toBe(0);
    expect(s.dueBy(0)).toBe(1);
    expect(s.dueBy(0.99)).toBe(1);
    expect(s.dueBy(1)).toBe(2);
    expect(s.dueBy(5000)).toBe(1000);
  });

  it('refuses a rate or duration that is not positive', () => {
    expect(() => schedule(0, 1000)).toThrow(RangeError);
    expect(() => schedule(10, 0)).toThrow(RangeError);
  });
});

describe('sustainedRate', () => {
  const step = (rate, e2eP99Ms, dispatched = rate * 10) => ({ rate, scheduled: rate * 10, dispatched, e2eP99Ms });

  it('picks the highest rate under the limit with everything delivered', () => {
    expect(sustainedRate([step(100, 80), step(300, 120), step(1000, 900)]).rate).toBe(300);
  });

  it('does not count a fast rate that lost work', () => {
    expect(sustainedRate([step(100, 80), step(300, 120, 2000)]).rate).toBe(100);
  });

  it('is null when no rate qualifies', () => {
    expect(sustainedRate([step(100, 400)])).toBeNull();
    expect(sustainedRate([{ rate: 100, skipped: true }])).toBeNull();
  });
});
