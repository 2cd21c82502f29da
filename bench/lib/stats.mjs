// Pure helpers of the load tool: percentiles and the open-loop schedule. No I/O here, so
// that bench/test can check them without a host.

/**
 * Nearest-rank percentile of `values` (p in 0..100). Infinity stands for an answer that never
 * came (a lost push, a failed request): it sorts last, so a p99 over a run with more than 1 %
 * missing answers is Infinity rather than a flattering number. Returns null for no values.
 */
export function percentile(values, p) {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** count, p50, p95, p99 and max of `values`, rounded to 0.1 ms; Infinity becomes null in JSON. */
export function summarize(values) {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1]),
  };
}

/** Rounds to 0.1; keeps Infinity (callers turn it into null or a word when printing). */
export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return value ?? null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * The open-loop schedule: `rate` requests per second for `durationMs`, evenly spaced.
 * Request i is due at offsetMs(i) after the start whatever happened to earlier requests;
 * dueBy(elapsed) is how many requests should have been sent `elapsed` ms after the start.
 */
export function schedule(rate, durationMs) {
  if (!(rate > 0)) throw new RangeError('rate must be positive');
  if (!(durationMs > 0)) throw new RangeError('duration must be positive');
  const total = Math.round((rate * durationMs) / 1000);
  const interval = 1000 / rate;
  return {
    total,
    interval,
    offsetMs: (i) => i * interval,
    dueBy: (elapsedMs) => (elapsedMs < 0 ? 0 : Math.min(total, Math.floor(elapsedMs / interval) + 1)),
  };
}

/**
 * The sustained rate: the highest rate whose end-to-end p99 stayed under the limit while
 * (almost) everything it sent was accepted and dispatched. `steps` are the per-rate results.
 */
export function sustainedRate(steps, { p99LimitMs = 250, minDelivered = 0.99 } = {}) {
  let best = null;
  for (const s of steps) {
    if (s.skipped) continue;
    const delivered = s.scheduled > 0 ? s.dispatched / s.scheduled : 0;
    const ok = s.e2eP99Ms !== null && s.e2eP99Ms < p99LimitMs && delivered >= minDelivered;
    if (ok && (best === null || s.rate > best.rate)) best = s;
  }
  return best;
}
