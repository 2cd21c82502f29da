/** Shapes of the HTTP and SignalR contract (docs/api.md). Extend them; never rename. */

export type Role = 'patroller' | 'acceptor' | 'shift-leader' | 'dispatcher' | 'handler' | 'leader' | 'admin';

export interface CurrentUser {
  userName: string;
  displayName: string;
  roles: string[];
  departmentKey?: string | null;
  /** The grid node a command-centre account is scoped to: its wall starts there and stops at its edge. */
  gridScope?: string | null;
}

export type TimeLimitUnit = 'working_hours' | 'urgent_hours' | 'working_days' | 'calendar_days';

export interface CategoryCondition {
  id: string;
  nameZh: string;
  nameEn: string;
  limit: number;
  unit: TimeLimitUnit;
}

export interface Category {
  id: string;
  kind: 'component' | 'event';
  code: string;
  majorCode: string;
  majorNameZh: string;
  majorNameEn: string;
  nameZh: string;
  nameEn: string;
  departmentKind?: string | null;
  conditions: CategoryCondition[];
}

export interface DepartmentRef {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface Department extends DepartmentRef {
  kind: string;
  level: string;
}

export interface CaseSummary {
  id: string;
  number: string;
  state: string;
  version: number;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  departmentKey?: string | null;
  departmentNameZh?: string | null;
  departmentNameEn?: string | null;
  longitude: number;
  latitude: number;
  description: string;
  /** No routing rule covered the case: it waits in the dispatcher's manual queue. */
  needsManualDispatch?: boolean;
  reportedAt: string;
  updatedAt: string;
  /** Traffic light of the running step's clock (DOMAIN.md §5); absent in end states. */
  light?: Light | null;
  /** When the running step's time limit runs out. */
  nextDeadline?: string | null;
  /** 督办: a leader flagged the case with an instruction. */
  escalated?: boolean;
  /** The unit grid the case lies in (its district when it has none); every node above is a prefix of it. */
  gridCode?: string | null;
}

export type Light = 'Green' | 'Yellow' | 'Red';

export interface CasePhoto {
  id: string;
  url: string;
  contentType: string;
  /** The action the photo was taken for: report (before), verify, feedback (after), check, self-handle. */
  stage?: string;
  /** The trace row it belongs to. */
  traceSequence?: number | null;
}

export interface CaseTraceEntry {
  action: string;
  /** What happened, as a code the server renders (e.g. dispatch by rule, overdue). */
  code?: string | null;
  /** The line to show, rendered by the server in the request's language (Accept-Language). */
  text?: string | null;
  /** A person's display name, or 系统 / System for the server's own steps. */
  actorName?: string | null;
  /** The department's display name in the request's language, when the step concerns one. */
  departmentName?: string | null;
  fromState?: string | null;
  toState?: string | null;
  at: string;
  actor: string;
  role: string;
  departmentKey?: string | null;
  opinion?: string | null;
  sequence?: number;
  onTime?: boolean | null;
  /** Ids of the photos taken with this action. */
  attachments?: string[] | null;
}

export interface GridRef {
  code: string;
  name: string;
}

export interface PendingRequest {
  kind: 'Extension' | 'Suspension' | string;
  limit?: number | null;
  unit?: TimeLimitUnit | null;
}

export interface CaseDto {
  id: string;
  number: string;
  state: string;
  version: number;
  source: string;
  category: { id: string; code: string; nameZh: string; nameEn: string };
  condition?: { id: string; nameZh: string; nameEn: string } | null;
  department?: DepartmentRef | null;
  longitude: number;
  latitude: number;
  description: string;
  reportedBy: string;
  reportedAt: string;
  updatedAt: string;
  needsManualDispatch?: boolean;
  photos: CasePhoto[];
  trace: CaseTraceEntry[];
  unitGrid?: GridRef | null;
  community?: GridRef | null;
  street?: GridRef | null;
  responsibilityGridCode?: string | null;
  outsideResponsibilityGrid?: boolean;
  /** The actions the caller may take now (POST /api/cases/{id}/{action}); the UI offers exactly these. */
  allowedActions?: string[] | null;
  deadlineStage?: string | null;
  deadlineStartedAt?: string | null;
  nextDeadline?: string | null;
  light?: Light | null;
  suspendedAt?: string | null;
  pendingRequest?: PendingRequest | null;
  extensionCount?: number;
  reworkCount?: number;
  returnCount?: number;
  escalated?: boolean;
  escalationLevel?: string | null;
  escalatedTo?: string | null;
  escalationInstruction?: string | null;
  selfHandled?: boolean;
  /** The inventory component (部件) the report is about. */
  componentId?: string | null;
}

export interface DepartmentBoard {
  department: DepartmentRef;
  cases: CaseSummary[];
}

export interface CommandBoard {
  counts: Record<string, number>;
  cases: CaseSummary[];
}

export type GridLevel = 'city' | 'district' | 'street' | 'community' | 'unit';

export interface ResponsibilityGrid {
  code: string;
  name: string;
  patrollers: string[];
}

/** GET /api/grids/locate: the unit grid a point falls in and every level above it. */
export interface GridLocation {
  unitGrid: GridRef;
  community: GridRef;
  street: GridRef;
  district: GridRef;
  city: GridRef;
  responsibilityGrid?: ResponsibilityGrid | null;
  longitude: number;
  latitude: number;
}

/** GET /api/grids: a node; bbox is [west, south, east, north]. */
export interface GridNode {
  code: string;
  level: GridLevel;
  name: string;
  parentCode?: string | null;
  validFrom: string;
  validTo?: string | null;
  responsiblePerson?: string | null;
  bbox: [number, number, number, number];
}

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

/** GET /api/components: an inventory item near a point (部件). */
export interface Component {
  id: string;
  category: { id: string; code: string; nameZh: string; nameEn: string };
  unitGridCode: string;
  owner?: DepartmentRef | null;
  maintainer?: string | null;
  state: string;
  longitude: number;
  latitude: number;
  updatedAt: string;
  distanceMetres?: number | null;
}

/** GET /api/dispatch/queue: a case waiting for a dispatcher's hand. */
export interface DispatchQueueItem {
  case: CaseSummary;
  reason: 'unroutable' | 'returned' | string;
  detail?: string | null;
  since: string;
  by?: string | null;
  departmentKey?: string | null;
}

export interface DispatchQueue {
  count: number;
  items: DispatchQueueItem[];
}

export type RoutingTarget = 'department' | 'componentOwner' | 'jurisdiction';

/** GET /api/routing/rules: a routing rule (派遣规则) with what it refers to spelled out. */
export interface RoutingRule {
  id: string;
  category: { id: string; kind: 'component' | 'event'; code: string; nameZh: string; nameEn: string };
  condition?: { id: string; nameZh: string; nameEn: string } | null;
  /** The grid subtree the rule covers; absent: everywhere. */
  gridCode?: string | null;
  gridName?: string | null;
  /** Only cases about a component this department owns. */
  ownerDepartment?: DepartmentRef | null;
  target: RoutingTarget;
  department?: DepartmentRef | null;
  departmentKind?: string | null;
  priority: number;
  validFrom: string;
  validTo?: string | null;
  inForce: boolean;
  createdBy: string;
  note?: string | null;
  replacesRuleId?: string | null;
}

/** Body of POST /api/admin/routing/rules and PUT /api/admin/routing/rules/{id}. */
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

export interface ConsideredRule {
  rule: RoutingRule;
  outcome: 'chosen' | 'unresolved' | 'otherCondition' | 'outsideGrid' | 'otherOwner' | 'outranked' | string;
  detail: string;
}

/** GET /api/routing/dry-run: where a case would go if it were filed now. */
export interface RoutingDryRun {
  matched: boolean;
  department?: DepartmentRef | null;
  rule?: RoutingRule | null;
  reason?: string | null;
  unitGrid: GridRef;
  community: GridRef;
  street: GridRef;
  componentId?: string | null;
  componentOwner?: DepartmentRef | null;
  at: string;
  considered: ConsideredRule[];
}

export type DeadLetterStatus = 'open' | 'replayed' | 'discarded';

/** A message a consumer gave up on (死信). */
export interface DeadLetter {
  id: string;
  messageId?: string | null;
  messageType: string;
  /** The failed message itself, as JSON. */
  message: unknown;
  queue?: string | null;
  exceptionType: string;
  exceptionMessage: string;
  faultedAt: string;
  status: DeadLetterStatus;
  replayedAt?: string | null;
  replayedBy?: string | null;
  replayMessageId?: string | null;
  discardedAt?: string | null;
  discardedBy?: string | null;
}

export interface DeadLetterList {
  /** Open letters in all, whatever status was asked for. */
  open: number;
  items: DeadLetter[];
}

/** GET /api/admin/users: an account as an administrator sees it. */
export interface Account {
  userName: string;
  displayName: string;
  roles: string[];
  departmentKey: string | null;
  /** The grid node a command-centre account is scoped to; null: the whole city. */
  gridScope: string | null;
}

/** How a case action's field is answered: the form shows one input per kind. */
export type ActionFieldKind = 'text' | 'boolean' | 'department' | 'departments' | 'limit' | 'category' | 'condition';

/** One field of a case action, as GET /api/case-actions lists it. */
export interface ActionFieldSpec {
  /** The body field the answer goes in (a limit also sends `unit`). */
  name: string;
  /** One of ActionFieldKind; a kind this frontend does not know is answered in a text box. */
  kind: ActionFieldKind | (string & {});
  required: boolean;
  /** Required only when another field has this value (a failed check needs an opinion). */
  requiredWhen?: { field: string; equals: unknown } | null;
}

/** GET /api/case-actions: one row of the server's action table, in button order. */
export interface CaseActionSpec {
  action: string;
  labelZh: string;
  labelEn: string;
  /** Shown as a warning-coloured button: it sends the case backwards or away. */
  danger: boolean;
  /** The form offers photos (sent as a multipart form). */
  photos: boolean;
  fields: ActionFieldSpec[];
}
