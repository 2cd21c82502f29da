import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportOutbox, toDraft, type QueuedReport, type SendReport } from '@/features/patrol/lib/report-outbox';
import type { CaseDto } from '@/lib/api-types';
import { ApiError } from '@/lib/http';
import { deferred } from '@/testing/deferred';

const fields = { categoryId: 'cat-0505', conditionId: 'cond-1', longitude: 110.29, latitude: 25.255, description: 'car on the pavement' };

function created(key: string): CaseDto {
  return { id: `case-${key}`, number: `450304-2026-${key}` } as CaseDto;
}

/** A server that dedupes on the key, as POST /api/cases does, and records every request. */
function server() {
  const requests: { key: string; report: QueuedReport }[] = [];
  const stored = new Map<string, CaseDto>();
  let failure: (() => unknown) | null = null;
  const send: SendReport = async (report) => {
    requests.push({ key: report.key, report });
    if (failure) throw failure();
    const first = stored.get(report.key) ?? created(report.key);
    stored.set(report.key, first);
    return first;
  };
  return {
    send,
    requests,
    cases: stored,
    offline() {
      failure = () => new ApiError(0, 'Network error', 'Failed to fetch');
    },
    refuse(status: number) {
      failure = () => new ApiError(status, 'Outside the managed area');
    },
    online() {
      failure = null;
    },
  };
}

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'site.jpg', { type: 'image/jpeg' });

describe('ReportOutbox', () => {
  beforeEach(() => {
    // A fresh IndexedDB per test: the same database name, as a reloaded page sees it.
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps a report made offline with its key, and it is still there after a reload', async () => {
    const api = server();
    api.offline();
    const page = new ReportOutbox(api.send, { isOnline: () => false });

    await page.add('key-1', fields, [photo()]);
    await page.flush();

    const reloaded = new ReportOutbox(api.send);
    const [kept] = await reloaded.list();
    expect(kept).toMatchObject({ key: 'key-1', status: 'pending', fields });
    expect(toDraft(kept!).photos[0]).toMatchObject({ name: 'site.jpg', type: 'image/jpeg', size: 7 });
    expect(api.requests).toEqual([]);
  });

  it('sends a waiting report with its own key when the network returns, then forgets it', async () => {
    const api = server();
    api.offline();
    const sent = vi.fn();
    const page = new ReportOutbox(api.send, { onSent: sent });
    await page.add('key-1', fields, []);
    await page.flush();
    expect(await page.list()).toHaveLength(1);

    api.online();
    await page.flush();

    expect(await page.list()).toEqual([]);
    expect(api.requests.map((request) => request.key)).toEqual(['key-1', 'key-1']);
    expect(api.cases.size).toBe(1);
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ key: 'key-1' }), created('key-1'));
  });

  it('sends each report once when flushes overlap, in the order they were made', async () => {
    const api = server();
    let clock = 1000;
    const page = new ReportOutbox(api.send, { now: () => (clock += 1), isOnline: () => false });
    await page.add('key-a', fields, []);
    await page.add('key-b', { ...fields, description: 'second' }, []);

    const online = new ReportOutbox(api.send, { now: () => (clock += 1) });
    await Promise.all([online.flush(), online.flush(), online.flush()]);

    expect(api.requests.map((request) => request.key)).toEqual(['key-a', 'key-b']);
  });

  it('lets only one of two tabs send a report both see', async () => {
    const api = server();
    const gate = deferred<void>();
    const slow: SendReport = async (report) => {
      await gate.promise;
      return api.send(report);
    };
    const tabA = new ReportOutbox(slow);
    const tabB = new ReportOutbox(slow);
    await tabA.add('key-1', fields, []);

    const first = tabA.flush();
    await vi.waitFor(async () => expect((await tabB.list())[0]?.claimedUntil).toBeGreaterThan(0));
    const second = tabB.flush();
    gate.resolve();
    await Promise.all([first, second]);

    expect(api.requests.map((request) => request.key)).toEqual(['key-1']);
    expect(await tabB.list()).toEqual([]);
  });

  it('storing a key twice keeps the first report', async () => {
    const page = new ReportOutbox(server().send, { isOnline: () => false });
    await page.add('key-1', fields, []);
    await page.add('key-1', { ...fields, description: 'changed' }, []);

    expect((await page.list()).map((report) => report.fields.description)).toEqual(['car on the pavement']);
  });

  it('keeps a report the server refused, marked with why, and does not send it again until discarded', async () => {
    const api = server();
    api.refuse(422);
    const page = new ReportOutbox(api.send);
    await page.add('key-1', fields, []);

    await page.flush();
    await page.flush();

    expect(await page.list()).toEqual([expect.objectContaining({ key: 'key-1', status: 'refused', lastError: 'Outside the managed area' })]);
    expect(api.requests).toHaveLength(1);
    await page.discard('key-1');
    expect(await page.list()).toEqual([]);
  });

  it('keeps a report when the server answers 5xx, and retries it with the same key', async () => {
    const api = server();
    api.refuse(503);
    const page = new ReportOutbox(api.send);
    await page.add('key-1', fields, []);
    expect(await page.sendNow('key-1', true)).toMatchObject({ status: 'queued' });
    expect(await page.list()).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })]);

    api.online();
    expect(await page.sendNow('key-1', true)).toEqual({ status: 'sent', created: created('key-1') });
    expect(api.requests.map((request) => request.key)).toEqual(['key-1', 'key-1']);
  });

  it('drops a report refused on the spot when the form still holds it', async () => {
    const api = server();
    api.refuse(400);
    const page = new ReportOutbox(api.send);
    await page.add('key-1', fields, []);

    expect(await page.sendNow('key-1', true)).toMatchObject({ status: 'refused' });
    expect(await page.list()).toEqual([]);
  });

  it('tells its listeners what it holds after each change', async () => {
    const page = new ReportOutbox(server().send, { isOnline: () => false });
    const changes = vi.fn();
    page.subscribe(changes);

    await page.add('key-1', fields, []);

    expect(changes).toHaveBeenCalled();
    expect(page.current().map((report) => report.key)).toEqual(['key-1']);
  });
});
