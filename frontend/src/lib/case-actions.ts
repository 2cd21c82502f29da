/**
 * The actions of the case lifecycle (POST /api/cases/{id}/{action}) as the server's action table
 * (GET /api/case-actions) describes them: the fields each asks for, which are required, whether it
 * takes photos, and its labels. Which actions a user is offered is never decided here: the server
 * lists them in the case's `allowedActions`, and the UI shows exactly those, in the table's order.
 */
import type { ActionFieldSpec, CaseActionSpec, TimeLimitUnit } from '@/lib/api-types';

export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = ['working_hours', 'working_days', 'urgent_hours', 'calendar_days'];

/** The field kinds this frontend has an input for; any other kind is answered in a text box. */
export const KNOWN_FIELD_KINDS = ['text', 'boolean', 'department', 'departments', 'limit', 'category', 'condition', 'person'] as const;

/** A limit answer: the number and its unit (sent as `<name>` and `unit`). */
export interface LimitValue {
  limit?: number;
  unit: TimeLimitUnit;
}

export type FieldValue = string | boolean | readonly string[] | LimitValue | undefined;

/** The answers of an action form, by field name. */
export type ActionValues = Record<string, FieldValue>;

/** An action the table does not list (a newer server): it still gets an opinion box. */
export function fallbackSpec(action: string): CaseActionSpec {
  return {
    action,
    labelZh: action,
    labelEn: action,
    danger: false,
    photos: false,
    fields: [{ name: 'opinion', kind: 'text', required: false }],
  };
}

export function findSpec(table: readonly CaseActionSpec[] | undefined, action: string): CaseActionSpec {
  return table?.find((spec) => spec.action === action) ?? fallbackSpec(action);
}

/** The button label in the UI language. */
export function actionLabel(spec: CaseActionSpec, language: string): string {
  return (language === 'en' ? spec.labelEn || spec.labelZh : spec.labelZh || spec.labelEn) || spec.action;
}

/** The kind the form treats a field as: unknown kinds become text. */
export function effectiveKind(field: ActionFieldSpec): (typeof KNOWN_FIELD_KINDS)[number] {
  return (KNOWN_FIELD_KINDS as readonly string[]).includes(field.kind) ? (field.kind as (typeof KNOWN_FIELD_KINDS)[number]) : 'text';
}

/** Initial answers: lists start empty, limits in working hours (or the pending request's limit). */
export function initialValues(spec: CaseActionSpec, limit?: { limit?: number | null; unit?: TimeLimitUnit | null }): ActionValues {
  const values: ActionValues = {};
  for (const field of spec.fields) {
    const kind = effectiveKind(field);
    if (kind === 'departments') values[field.name] = [];
    if (kind === 'limit') values[field.name] = { limit: limit?.limit ?? undefined, unit: limit?.unit ?? 'working_hours' };
  }
  return values;
}

function trimmed(value: FieldValue): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function isLimit(value: FieldValue): value is LimitValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'unit' in value;
}

/** Whether a field must be answered, given the other answers (`requiredWhen`). */
export function isRequired(field: ActionFieldSpec, values: ActionValues): boolean {
  if (field.required) return true;
  const when = field.requiredWhen;
  return !!when && values[when.field] === when.equals;
}

function isAnswered(field: ActionFieldSpec, value: FieldValue): boolean {
  switch (effectiveKind(field)) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'departments':
      // An empty list is an answer (assist: end co-handling).
      return true;
    case 'limit':
      return isLimit(value) && typeof value.limit === 'number' && Number.isFinite(value.limit);
    default:
      return trimmed(value) !== undefined;
  }
}

/** Required fields without an answer, by name, before anything is sent. */
export function missingFields(spec: CaseActionSpec, values: ActionValues): string[] {
  return spec.fields.filter((field) => isRequired(field, values) && !isAnswered(field, values[field.name])).map((field) => field.name);
}

/** What the server needs in the body, given the version the user saw (a case that moved on answers 409). */
export function actionBody(spec: CaseActionSpec, values: ActionValues, expectedVersion: number): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion };
  for (const field of spec.fields) {
    const value = values[field.name];
    switch (effectiveKind(field)) {
      case 'boolean':
        if (typeof value === 'boolean') body[field.name] = value;
        break;
      case 'departments': {
        const keys = Array.isArray(value) ? [...(value as readonly string[])] : [];
        // Required: the list is the answer, even empty; optional: only a list that names someone.
        if (field.required || keys.length > 0) body[field.name] = keys;
        break;
      }
      case 'limit':
        if (isLimit(value) && typeof value.limit === 'number' && Number.isFinite(value.limit)) {
          body[field.name] = value.limit;
          body.unit = value.unit;
        }
        break;
      default: {
        const text = trimmed(value);
        if (text !== undefined) body[field.name] = text;
      }
    }
  }
  return body;
}

/** The offered actions in the table's order, danger ones (sending the case back or away) after the rest; unknown ones last. */
export function orderActions(table: readonly CaseActionSpec[] | undefined, actions: readonly string[]): string[] {
  const order = (table ?? []).map((spec) => spec.action);
  // Forward moves and requests first, in the table's order; those that send a case back or away after them.
  const rank = (action: string) => {
    const index = order.indexOf(action);
    if (index < 0) return 2 * order.length;
    return table?.[index]?.danger ? order.length + index : index;
  };
  return [...actions].sort((a, b) => rank(a) - rank(b));
}
