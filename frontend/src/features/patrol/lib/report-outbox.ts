/**
 * 离线上报: every report goes into IndexedDB with its Idempotency-Key before it is sent, and leaves
 * only when the server has answered for it. A report made without network waits there, across
 * reloads and closed tabs, and is sent when the network returns. Sends of one report never overlap:
 * a report is claimed in an IndexedDB transaction before it is sent (so two tabs cannot both send
 * it), and a retry uses the same key, so the server answers a repeat with the first case.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CaseDto } from '@/lib/api-types';
import { ApiError, describeApiError } from '@/lib/http';
import { outcomeOfError } from '@/features/patrol/hooks/use-draft-key';

export interface ReportFields {
  categoryId: string;
  conditionId?: string;
  componentId?: string;
  longitude: number;
  latitude: number;
  description: string;
}

export interface StoredPhoto {
  name: string;
  type: string;
  data: ArrayBuffer;
}

export interface QueuedReport {
  /** The Idempotency-Key, also the record's key. */
  key: string;
  fields: ReportFields;
  photos: StoredPhoto[];
  createdAt: string;
  /** `refused`: the server said no (4xx); it waits for the patroller to discard it. */
  status: 'pending' | 'refused';
  attempts: number;
  lastError?: string;
  /** While a tab sends it: until when (epoch ms) others leave it alone. */
  claimedUntil: number;
}

interface OutboxSchema extends DBSchema {
  reports: { key: string; value: QueuedReport };
}

export const OUTBOX_DB = 'dispatch-outbox';

/** How long a claim holds if the tab that made it dies mid-send. */
const CLAIM_MS = 30_000;

export type SendReport = (report: QueuedReport) => Promise<CaseDto>;

export type SendOutcome =
  | { status: 'sent'; created: CaseDto }
  | { status: 'queued'; error: unknown }
  | { status: 'refused'; error: unknown }
  | { status: 'busy' };

export interface ReportOutboxOptions {
  now?: () => number;
  isOnline?: () => boolean;
  /** Called for each report the server accepted, whoever sent it from this outbox. */
  onSent?: (report: QueuedReport, created: CaseDto) => void;
  dbName?: string;
}

export class ReportOutbox {
  private readonly send: SendReport;
  private readonly now: () => number;
  private readonly isOnline: () => boolean;
  private readonly onSent?: (report: QueuedReport, created: CaseDto) => void;
  private readonly dbName: string;
  private db: Promise<IDBPDatabase<OutboxSchema>> | null = null;
  private flushing: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly QueuedReport[] = [];

  constructor(send: SendReport, options: ReportOutboxOptions = {}) {
    this.send = send;
    this.now = options.now ?? (() => Date.now());
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.onSent = options.onSent;
    this.dbName = options.dbName ?? OUTBOX_DB;
  }

  private open(): Promise<IDBPDatabase<OutboxSchema>> {
    this.db ??= openDB<OutboxSchema>(this.dbName, 1, {
      upgrade(db) {
        db.createObjectStore('reports', { keyPath: 'key' });
      },
    });
    return this.db;
  }

  /** Every stored report, oldest first. */
  async list(): Promise<QueuedReport[]> {
    const all = await (await this.open()).getAll('reports');
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  }

  /** What the page shows: the last list read, refreshed after every change. */
  current(): readonly QueuedReport[] {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async refresh(): Promise<void> {
    this.snapshot = await this.list();
    for (const listener of [...this.listeners]) listener();
  }

  /** Stores a report under its key; storing the same key again changes nothing. */
  async add(key: string, fields: ReportFields, photos: readonly File[]): Promise<QueuedReport> {
    const stored = await Promise.all(
      photos.map(async (photo) => ({ name: photo.name, type: photo.type, data: await readBytes(photo) })),
    );
    const db = await this.open();
    const tx = db.transaction('reports', 'readwrite');
    const existing = await tx.store.get(key);
    const report: QueuedReport = existing ?? {
      key,
      fields,
      photos: stored,
      createdAt: new Date(this.now()).toISOString(),
      status: 'pending',
      attempts: 0,
      claimedUntil: 0,
    };
    if (!existing) await tx.store.put(report);
    await tx.done;
    await this.refresh();
    return report;
  }

  async discard(key: string): Promise<void> {
    await (await this.open()).delete('reports', key);
    await this.refresh();
  }

  /**
   * Sends one report now. A definite refusal (4xx) marks it refused, or removes it when
   * `dropIfRefused` (the form still holds the draft and shows why); no answer keeps it pending.
   */
  async sendNow(key: string, dropIfRefused = false): Promise<SendOutcome> {
    const report = await this.claim(key);
    if (!report) return { status: 'busy' };
    try {
      const created = await this.send(report);
      await (await this.open()).delete('reports', key);
      this.onSent?.(report, created);
      return { status: 'sent', created };
    } catch (error) {
      const refused = outcomeOfError(error) === 'refused';
      if (refused && dropIfRefused) await (await this.open()).delete('reports', key);
      else await this.release(key, refused ? 'refused' : 'pending', error);
      return refused ? { status: 'refused', error } : { status: 'queued', error };
    } finally {
      await this.refresh();
    }
  }

  /** Sends every pending report, oldest first, stopping at the first one that gets no answer. */
  flush(): Promise<void> {
    this.flushing ??= this.flushAll().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushAll(): Promise<void> {
    if (!this.isOnline()) {
      await this.refresh();
      return;
    }
    for (const report of await this.list()) {
      if (report.status !== 'pending') continue;
      const outcome = await this.sendNow(report.key);
      if (outcome.status === 'queued') break;
    }
    await this.refresh();
  }

  /** Takes the report for this tab if nobody holds it, in one transaction. */
  private async claim(key: string): Promise<QueuedReport | null> {
    const db = await this.open();
    const tx = db.transaction('reports', 'readwrite');
    const report = await tx.store.get(key);
    const now = this.now();
    if (!report || report.claimedUntil > now) {
      await tx.done;
      return null;
    }
    const claimed = { ...report, claimedUntil: now + CLAIM_MS, attempts: report.attempts + 1 };
    await tx.store.put(claimed);
    await tx.done;
    return claimed;
  }

  private async release(key: string, status: QueuedReport['status'], error: unknown): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('reports', 'readwrite');
    const report = await tx.store.get(key);
    if (report) {
      const lastError = error instanceof ApiError && error.isNetworkError ? undefined : describeApiError(error);
      await tx.store.put({ ...report, status, claimedUntil: 0, lastError });
    }
    await tx.done;
  }
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the photo'));
    reader.readAsArrayBuffer(file);
  });
}

/** The report as the API takes it: the stored fields plus the photos rebuilt as files. */
export function toDraft(report: QueuedReport) {
  return {
    ...report.fields,
    photos: report.photos.map((photo) => new File([photo.data], photo.name, { type: photo.type })),
  };
}
