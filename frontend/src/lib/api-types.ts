/**
 * Shapes of the HTTP and SignalR contract. The HTTP ones are aliases of the types generated from
 * the host's OpenAPI document (`src/types/api.gen.ts`, `npm run api:types`), narrowed where the
 * document cannot say more: it writes every enum as a plain string and every number as
 * `number | string` (the server also reads numbers written as strings; it always writes numbers).
 * Hand-written types remain only for what the document does not describe: see each one's comment.
 */
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

/** `number | string` (possibly with null) becomes `number`: what the server writes. */
type Written<T> = number extends T ? (string extends T ? Exclude<T, string> : T) : T;

/** A generated schema as the client receives it: numbers are numbers, all the way down. */
export type Received<T> = Deep<Written<T>>;
type Deep<T> = T extends readonly (infer U)[] ? Received<U>[] : T extends object ? { [K in keyof T]: Received<T[K]> } : T;

// Enumerations the document writes as `string`.

export type Role = 'patroller' | 'acceptor' | 'shift-leader' | 'dispatcher' | 'handler' | 'leader' | 'admin';
export type TimeLimitUnit = 'working_hours' | 'urgent_hours' | 'working_days' | 'calendar_days';
export type Light = 'Green' | 'Yellow' | 'Red';
export type GridLevel = 'city' | 'district' | 'street' | 'community' | 'unit';
export type CategoryKind = 'component' | 'event';
export type DeadLetterStatus = 'open' | 'replayed' | 'discarded';
export type RoutingTarget = 'department' | 'componentOwner' | 'jurisdiction';

// Aliases of the generated schemas.

/** GET /api/auth/me. The grid scope is the node a command-centre account's wall starts at and stops at. */
export type CurrentUser = Received<Schemas['MeDto']>;

export type CategoryCondition = Omit<Received<Schemas['ConditionDto']>, 'unit'> & { unit: TimeLimitUnit };

export type Category = Omit<Received<Schemas['CategoryDto']>, 'kind' | 'conditions'> & {
  kind: CategoryKind;
  conditions: CategoryCondition[];
};

export type DepartmentRef = Received<Schemas['DepartmentRef']>;
export type Department = Received<Schemas['DepartmentDto']>;

/** A board row. `light` is the running step's traffic light (absent in end states); `gridCode` the unit grid it lies in. */
/** A case of a caller's history or of the callback list (热线受理, 回访); the phone as the reader may see it. */
export type CallerCase = Received<Schemas['CallerCaseDto']>;
export type CaseSummary = Omit<Received<Schemas['CaseSummary']>, 'light'> & { light?: Light | null };

export type CasePhoto = Received<Schemas['PhotoDto']>;

/**
 * A trace row. `text`, `actorName` and `departmentName` are rendered by the server in the request's
 * language (Accept-Language): the line to show, a person's display name (or 系统 / System), and the
 * department's name when the step concerns one.
 */
export type CaseTraceEntry = Received<Schemas['TraceDto']>;

export type GridRef = Received<Schemas['GridRef']>;

export type PendingRequest = Omit<Received<Schemas['PendingRequestDto']>, 'unit'> & { unit: TimeLimitUnit | null };

/** GET /api/cases/{id}. `allowedActions`: what the caller may do now; the UI offers exactly these. */
export type CaseDto = Omit<Received<Schemas['CaseDto']>, 'light' | 'trace' | 'pendingRequest'> & {
  light?: Light | null;
  trace: CaseTraceEntry[];
  pendingRequest?: PendingRequest | null;
};

export type DepartmentBoard = Omit<Received<Schemas['DepartmentBoard']>, 'cases'> & { cases: CaseSummary[] };
export type CommandBoard = Omit<Received<Schemas['CommandBoard']>, 'cases'> & { cases: CaseSummary[] };

export type ResponsibilityGrid = Received<Schemas['ResponsibilityGridDto']>;

/** GET /api/grids/locate: the unit grid a point falls in and every level above it. */
export type GridLocation = Received<Schemas['GridLocationDto']>;

/** GET /api/grids: a node; bbox is [west, south, east, north]. */
export type GridNode = Omit<Received<Schemas['GridNodeDto']>, 'level' | 'bbox'> & {
  level: GridLevel;
  bbox: [number, number, number, number];
};

/** GET /api/components: an inventory item near a point (部件). */
export type Component = Received<Schemas['ComponentDto']>;

// The catalogue and the census as administrators keep them.

export type AreaLimit = Omit<Received<Schemas['AreaLimitDto']>, 'unit'> & { unit: TimeLimitUnit };
/** A component as the census administration shows it (the same shape as {@link Component}). */
export type ComponentRecord = Component;
export type ComponentPage = Received<Schemas['ComponentPage']>;
export type ComponentImportResult = Received<Schemas['ComponentImportResult']>;
export type IntactRateRow = Received<Schemas['IntactRateRow']>;
export type IntactRates = Received<Schemas['IntactRatesDto']>;

/** GET /api/dispatch/queue: a case waiting for a dispatcher's hand. */
export type DispatchQueueItem = Omit<Received<Schemas['DispatchQueueItem']>, 'case' | 'reason'> & {
  case: CaseSummary;
  reason: 'unroutable' | 'returned' | (string & {});
};

export type DispatchQueue = Omit<Received<Schemas['ManualDispatchList']>, 'items'> & { items: DispatchQueueItem[] };

/** GET /api/routing/rules: a routing rule (派遣规则) with what it refers to spelled out. */
export type RoutingRule = Omit<Received<Schemas['RoutingRuleDto']>, 'category' | 'target'> & {
  category: Received<Schemas['RuleCategoryRef']> & { kind: CategoryKind };
  target: RoutingTarget;
};

export type ConsideredRule = Omit<Received<Schemas['ConsideredRuleDto']>, 'rule' | 'outcome'> & {
  rule: RoutingRule;
  outcome: 'chosen' | 'unresolved' | 'otherCondition' | 'outsideGrid' | 'otherOwner' | 'outranked' | (string & {});
};

/** GET /api/routing/dry-run: where a case would go if it were filed now. */
export type RoutingDryRun = Omit<Received<Schemas['DryRunResult']>, 'rule' | 'considered'> & {
  rule: RoutingRule | null;
  considered: ConsideredRule[];
};

/** A message a consumer gave up on (死信). */
export type DeadLetter = Omit<Received<Schemas['DeadLetterDto']>, 'status'> & { status: DeadLetterStatus };

export type DeadLetterList = Omit<Received<Schemas['DeadLetterList']>, 'items'> & { items: DeadLetter[] };

/**
 * An account as an administrator sees it. `version` is Identity's concurrency stamp: an edit sends it
 * back and gets 409 with the current account when someone changed it in between.
 */
export type Account = Received<Schemas['AccountDto']>;

/** GET /api/admin/audit: one administrative change, with the record before and after as JSON text. */
export type AuditEntry = Received<Schemas['AuditEntryDto']>;

export type AuditPage = Omit<Received<Schemas['AuditPageDto']>, 'items'> & { items: AuditEntry[] };
/** GET /api/admin/users: one page of accounts and how many match in all. */
export type AccountPage = Omit<Received<Schemas['AccountPageDto']>, 'items'> & { items: Account[] };

/** POST /api/admin/users. */
export type AccountCreateRequest = Schemas['CreateAccountRequest'];

/** PUT /api/admin/users/{userName}. */
export type AccountEditRequest = Schemas['EditAccountRequest'];

/** PUT /api/admin/users/{userName}/password: the temporary password, shown once. */
export type PasswordReset = Omit<Received<Schemas['PasswordResetDto']>, 'account'> & { account: Account };

/** POST /api/auth/password. */
export type PasswordChangeRequest = Schemas['PasswordChangeRequest'];
/** GET /api/admin/departments: a department with its jurisdiction, phones, parent, row version and open cases. */
export type AdminDepartment = Received<Schemas['AdminDepartmentDto']>;

/** GET /api/admin/departments/kinds. */
export type DepartmentKindInfo = Received<Schemas['DepartmentKindDto']>;

/** GET /api/departments/{key}/handlers: whom a case can be given to inside the department (内部派遣). */
export type DepartmentHandler = Received<Schemas['DepartmentHandlerDto']>;

// Hand-written: shapes the OpenAPI document does not describe.

/**
 * Body of POST /api/admin/departments and PUT /api/admin/departments/{key}: read by hand on the
 * server (to name the field of each error). `key` only on create; `version` only on edit.
 */
export interface DepartmentRequest {
  key: string | null;
  nameZh: string | null;
  nameEn: string | null;
  kind: string | null;
  level: string | null;
  jurisdictionCodes: string[];
  contactPhone: string | null;
  dutyPhone: string | null;
  parentKey: string | null;
  version: number | null;
}

/** GET /api/grids/geojson answers GeoJSON, which the document lists without a schema. */
export interface GridFeature {
  type: 'Feature';
  id?: string;
  properties: { code: string; name: string; level: GridLevel; parent?: string | null; [key: string]: unknown };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

/**
 * Body of POST /api/admin/routing/rules and PUT /api/admin/routing/rules/{id}: the server reads it
 * by hand (to name the field of each error), so the document has no schema for it.
 */
export interface RoutingRuleRequest {
  categoryId: string;
  conditionId?: string;
  gridCode?: string;
  ownerDepartmentKey?: string;
  target: RoutingTarget;
  departmentKey?: string;
  departmentKind?: string;
  priority?: number;
  /** ISO instant, now or later; left out: now. */
  validFrom?: string;
  note?: string;
}

/** How a case action's field is answered: the form shows one input per kind. */
export type ActionFieldKind = 'text' | 'boolean' | 'department' | 'departments' | 'limit' | 'category' | 'condition';

/** One field of a case action, as GET /api/case-actions lists it. `kind` is one of ActionFieldKind; a kind this frontend does not know is answered in a text box. */
export type ActionFieldSpec = Omit<Received<Schemas['CaseActionFieldDto']>, 'kind'> & { kind: ActionFieldKind | (string & {}) };

/** GET /api/case-actions: one row of the server's action table, in button order. */
export type CaseActionSpec = Omit<Received<Schemas['CaseActionDto']>, 'fields' | 'roles'> & { fields: ActionFieldSpec[]; roles?: string[] };

/**
 * The SignalR push `caseChanged` on /hubs/board carries a CaseSummary; the OpenAPI document
 * describes HTTP only, so the hub's methods (JoinDepartment, JoinCommandCentre) and pushes are
 * typed by hand in lib/realtime.
 */
export type CaseChangedPush = CaseSummary;

// Bodies the catalogue and census endpoints read themselves (so that a bad field is named), which the
// document therefore does not describe.

/** POST /api/categories, PUT /api/categories/{id}: kind and code on creation only; an edit sends `version`. */
export interface CategoryRequest {
  kind?: CategoryKind;
  code?: string;
  majorNameZh: string;
  majorNameEn: string;
  nameZh: string;
  nameEn: string;
  departmentKind: string;
  version?: number | null;
}

/** POST/PUT /api/categories/{id}/conditions[/{conditionId}]: an edit sends `version`. */
export interface ConditionRequest {
  nameZh: string;
  nameEn: string;
  closingStandardZh?: string;
  closingStandardEn?: string;
  limit?: number;
  unit?: TimeLimitUnit;
  version?: number | null;
}

/** PUT /api/admin/components/{id}: owner is a department key (null: none on record). */
export interface ComponentEditRequest {
  owner: string | null;
  maintainer: string | null;
  state: string;
  longitude: number;
  latitude: number;
  version: number;
}
// Patrol grids (巡查网格) and the working calendar.

/**
 * A responsibility grid as the administrator assigns it. `onDuty`: an enabled patroller walks it;
 * otherwise `fallback.holder` (`street-supervisors` or `shift-leaders`) takes its on-site tasks.
 */
export type PatrolGrid = Received<Schemas['PatrolGridDto']>;
export type PatrollerAccount = Received<Schemas['PatrollerAccountDto']>;
export type HolidayYear = Received<Schemas['HolidayYearDto']>;
/** `code`: `next-year-missing` (from 1 November) or `year-missing`. */
export type CalendarWarning = Received<Schemas['CalendarWarningDto']>;
export type WorkingCalendar = Received<Schemas['WorkingCalendarDto']>;
export type ParsedNotice = Received<Schemas['ParsedNoticeDto']>;

/** An Open311 api_key as the admin page lists it; `key` is there only in the answer that issued it. */
export type Open311Key = Received<Schemas['Open311KeyDto']>;
// The citizens' page (no account): topics in plain words, the receipt, the public progress behind a tracking token.
export type PublicTopic = Received<Schemas['PublicTopicDto']>;
export type PublicReceipt = Received<Schemas['PublicReceiptDto']>;
export type PublicProgress = Received<Schemas['PublicProgressDto']>;
export type PublicStep = Received<Schemas['PublicStepDto']>;
export type PublicPhoto = Received<Schemas['PublicPhotoDto']>;
/** Where a public report stands, as `PublicStepDto.step` and `PublicProgressDto.status` write it. */
export type PublicStepName = 'received' | 'verifying' | 'handling' | 'done' | 'declined';
/** A periodic evaluation report (通报) revision as lists show it, and with its content. */
export type EvaluationReportSummary = Received<Schemas['ReportSummaryDto']>;
export type EvaluationReport = Received<Schemas['ReportDto']>;
