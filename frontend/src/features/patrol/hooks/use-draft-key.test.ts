import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DraftKey, outcomeOfError, useDraftKey } from '@/features/patrol/hooks/use-draft-key';
import { ApiError } from '@/lib/http';

function counter() {
  let next = 0;
  return () => `key-${++next}`;
}

describe('DraftKey', () => {
  it('gives the same key to every submit of one draft until it is settled', () => {
    const draft = new DraftKey(counter());

    expect(draft.current()).toBe('key-1');
    expect(draft.current()).toBe('key-1');
  });

  it('reuses the key when the first attempt had no clear answer, so a retry cannot create a second case', () => {
    const draft = new DraftKey(counter());
    const first = draft.current();

    draft.settle(outcomeOfError(new ApiError(0, 'Network error')));
    expect(draft.current()).toBe(first);

    draft.settle(outcomeOfError(new ApiError(503, 'Service Unavailable')));
    expect(draft.current()).toBe(first);

    draft.settle(outcomeOfError(new ApiError(408, 'Request Timeout')));
    expect(draft.current()).toBe(first);
  });

  it('starts a new key after the case was created', () => {
    const draft = new DraftKey(counter());
    const first = draft.current();

    draft.settle('created');

    expect(draft.current()).not.toBe(first);
  });

  it('starts a new key after the server refused the draft, since nothing was stored', () => {
    const draft = new DraftKey(counter());
    const first = draft.current();

    draft.settle(outcomeOfError(new ApiError(400, 'Bad Request', undefined, { latitude: ['outside'] })));

    expect(draft.current()).not.toBe(first);
  });

  it('makes UUIDs by default', () => {
    expect(new DraftKey().current()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('useDraftKey', () => {
  it('keeps one draft key across re-renders of the form', () => {
    const { result, rerender } = renderHook(() => useDraftKey(counter()));
    const first = result.current.current();

    rerender();

    expect(result.current.current()).toBe(first);
  });
});
