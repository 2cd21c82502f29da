import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, describeApiError, http, setRequestLanguage, setUnauthorizedHandler } from '@/lib/http';

function answer(status: number, body?: unknown, contentType = 'application/problem+json') {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': contentType },
  });
}

describe('http', () => {
  afterEach(() => setUnauthorizedHandler(null));

  it('sends cookies and JSON, and returns the parsed answer', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(answer(200, { ok: true }, 'application/json'));

    await expect(http('/api/thing', { json: { a: 1 } })).resolves.toEqual({ ok: true });

    const [, init] = fetch.mock.calls[0]!;
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', body: '{"a":1}' });
    expect((init!.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('asks for the UI language on every request, and Chinese when no language is registered', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer(200, { ok: true }, 'application/json'));
    const language = (call: number) => (fetch.mock.calls[call]![1]!.headers as Record<string, string>)['Accept-Language'];

    await http('/api/cases/1');
    let ui = 'en';
    const unregister = setRequestLanguage(() => ui);
    await http('/api/cases/1');
    ui = 'zh-CN';
    await http('/api/cases/1', { json: {} });
    unregister();
    ui = 'en';
    await http('/api/cases/1');

    expect([0, 1, 2, 3].map(language)).toEqual(['zh-CN', 'en', 'zh-CN', 'zh-CN']);
  });

  it('turns problem+json into an ApiError with title, detail and field errors', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      answer(400, { title: 'Invalid case', detail: 'Point outside the managed area', errors: { longitude: ['out of range'] } }),
    );

    const error = await http('/api/cases', { json: {} }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      title: 'Invalid case',
      detail: 'Point outside the managed area',
      errors: { longitude: ['out of range'] },
    });
    expect(describeApiError(error)).toBe('Point outside the managed area out of range');
  });

  it('calls the unauthorized handler on 401, unless the caller handles it', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer(401, { title: 'Unauthorized' }));

    await expect(http('/api/boards/command')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    await expect(http('/api/auth/login', { json: {}, redirectOnUnauthorized: false })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports a request that got no answer as a network error', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));

    const error = await http('/api/cases').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetworkError).toBe(true);
  });

  it('returns nothing for 204', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));

    await expect(http('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
