/** Shapes of the ledger endpoints (`GET /api/cases`, exports, saved ledgers), as the server writes them. */
export interface LedgerRow {
  id: string;
  number: string;
  state: string;
  source: string;
  categoryKind: string;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  conditionNameZh: string | null;
  conditionNameEn: string | null;
  departmentKey: string | null;
  departmentNameZh: string | null;
  departmentNameEn: string | null;
  description: string;
  reportedBy: string;
  reportedAt: string;
  dispatchedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  deadline: string | null;
  light: string | null;
  streetCode: string | null;
  streetName: string | null;
  communityCode: string | null;
  communityName: string | null;
  gridCode: string | null;
  gridName: string | null;
  componentId: string | null;
  reworkCount: number;
  extensionCount: number;
  escalated: boolean;
  overdue: boolean;
  longitude: number;
  latitude: number;
}

export interface LedgerPage {
  items: LedgerRow[];
  next: string | null;
  total: number | null;
  sort: string;
}

export interface SavedLedger {
  id: string;
  kind: 'view' | 'template';
  name: string;
  query: string;
  columns: string[];
  updatedAt: string;
}

export interface ExportJob {
  id: string;
  state: 'running' | 'ready' | 'failed';
  written: number;
  total: number;
  format: 'xlsx' | 'csv';
  fileName: string;
  error: string | null;
}
