/**
 * One Idempotency-Key per report draft. The key is made when the draft is first submitted and
 * kept while the outcome is unknown (network failure, timeout, server error), so a retry of the
 * same draft cannot create a second case. A created case, or a definite refusal by the server
 * (nothing was stored), ends the draft's key; the next submit gets a fresh one.
 */
import { useRef } from 'react';
import { ApiError } from '@/lib/http';

export type SubmitOutcome = 'created' | 'refused' | 'unknown';

export function outcomeOfError(error: unknown): SubmitOutcome {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    return error.status === 408 || error.status === 429 ? 'unknown' : 'refused';
  }
  return 'unknown';
}

export class DraftKey {
  private key: string | null = null;
  private readonly generate: () => string;

  constructor(generate: () => string = () => crypto.randomUUID()) {
    this.generate = generate;
  }

  /** The key for the next submit of this draft. */
  current(): string {
    this.key ??= this.generate();
    return this.key;
  }

  settle(outcome: SubmitOutcome): void {
    if (outcome !== 'unknown') this.key = null;
  }

  /** The user starts a new report. */
  reset(): void {
    this.key = null;
  }
}

export function useDraftKey(generate?: () => string): DraftKey {
  const ref = useRef<DraftKey | null>(null);
  ref.current ??= new DraftKey(generate);
  return ref.current;
}
