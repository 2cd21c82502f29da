import type { LedgerRow } from '@/features/ledger/api/types';

/** A column the ledger table can show; `sort` names the API sort key when the column sorts. */
export interface LedgerColumnDef {
  key: string;
  sort?: string;
  width?: number;
}

export const LEDGER_COLUMNS: readonly LedgerColumnDef[] = [
  { key: 'number', sort: 'number', width: 180 },
  { key: 'state', width: 96 },
  { key: 'light', width: 72 },
  { key: 'source', width: 110 },
  { key: 'category', width: 180 },
  { key: 'condition', width: 160 },
  { key: 'description', width: 260 },
  { key: 'street', width: 120 },
  { key: 'community', width: 120 },
  { key: 'grid', width: 150 },
  { key: 'department', width: 150 },
  { key: 'reportedBy', width: 120 },
  { key: 'reportedAt', sort: 'reportedAt', width: 150 },
  { key: 'dispatchedAt', sort: 'dispatchedAt', width: 150 },
  { key: 'deadline', sort: 'deadline', width: 150 },
  { key: 'closedAt', sort: 'closedAt', width: 150 },
  { key: 'componentId', width: 160 },
  { key: 'flags', width: 160 },
];

export const DEFAULT_COLUMNS = ['number', 'state', 'category', 'description', 'street', 'department', 'reportedAt', 'deadline'];
export const PHONE_COLUMNS = ['number', 'state', 'description'];

/** The columns to show: the URL's choice (unknown keys dropped, order kept), else the default for the screen. */
export function shownColumns(chosen: readonly string[], phone: boolean): LedgerColumnDef[] {
  const known = new Map(LEDGER_COLUMNS.map((c) => [c.key, c]));
  const keys = chosen.filter((k) => known.has(k));
  return (keys.length > 0 ? keys : phone ? PHONE_COLUMNS : DEFAULT_COLUMNS).map((k) => known.get(k)!);
}

/** Flags worth a tag in the list: overdue, escalated, reworked, extended. */
export function rowFlags(row: Pick<LedgerRow, 'overdue' | 'escalated' | 'reworkCount' | 'extensionCount'>): string[] {
  const flags: string[] = [];
  if (row.overdue) flags.push('overdue');
  if (row.escalated) flags.push('escalated');
  if (row.reworkCount > 0) flags.push('reworked');
  if (row.extensionCount > 0) flags.push('extended');
  return flags;
}
