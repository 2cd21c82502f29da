/**
 * The actions of the case lifecycle (POST /api/cases/{id}/{action}) and what each asks of the
 * person taking it. Which actions a user is offered is never decided here: the server lists them in
 * the case's `allowedActions`, and the UI shows exactly those.
 */
import type { TimeLimitUnit } from '@/lib/api-types';

export type ActionField = 'opinion' | 'reason' | 'instruction' | 'departmentKey' | 'limit' | 'passed' | 'satisfied' | 'photos';

export interface ActionSpec {
  /** Fields the form shows. */
  fields: readonly ActionField[];
  /** Fields the server refuses the action without. */
  required: readonly ActionField[];
  /** Shown as a warning-coloured button: it sends the case backwards or away. */
  danger?: boolean;
}

export const ACTION_SPECS: Record<string, ActionSpec> = {
  accept: { fields: ['opinion'], required: [] },
  refuse: { fields: ['reason'], required: ['reason'], danger: true },
  'request-verification': { fields: ['opinion'], required: [] },
  verify: { fields: ['opinion', 'photos'], required: [] },
  file: { fields: ['opinion'], required: [] },
  void: { fields: ['reason'], required: ['reason'], danger: true },
  dispatch: { fields: ['departmentKey', 'opinion'], required: ['departmentKey'] },
  sign: { fields: ['opinion'], required: [] },
  return: { fields: ['reason'], required: ['reason'], danger: true },
  'request-extension': { fields: ['limit', 'reason'], required: ['limit'] },
  'approve-extension': { fields: ['limit', 'opinion'], required: [] },
  'reject-extension': { fields: ['reason'], required: ['reason'], danger: true },
  'request-suspension': { fields: ['reason'], required: ['reason'] },
  'approve-suspension': { fields: ['opinion'], required: [] },
  'reject-suspension': { fields: ['reason'], required: ['reason'], danger: true },
  resume: { fields: ['opinion'], required: [] },
  feedback: { fields: ['opinion', 'photos'], required: [] },
  'request-check': { fields: ['opinion'], required: [] },
  check: { fields: ['passed', 'opinion', 'photos'], required: ['passed'] },
  close: { fields: ['opinion'], required: [] },
  escalate: { fields: ['instruction'], required: ['instruction'] },
  callback: { fields: ['satisfied', 'opinion'], required: ['satisfied'] },
  'self-handle': { fields: ['opinion', 'photos'], required: [] },
};

/** The spec of an action the server offers; an action this list does not know still gets an opinion box. */
export function actionSpec(action: string): ActionSpec {
  return ACTION_SPECS[action] ?? { fields: ['opinion'], required: [] };
}

export interface ActionInput {
  opinion?: string;
  reason?: string;
  instruction?: string;
  departmentKey?: string;
  limit?: number;
  unit?: TimeLimitUnit;
  passed?: boolean;
  satisfied?: boolean;
  photos?: readonly File[];
}

/** What the server needs in the body, given the version the user saw (a case that moved on answers 409). */
export function actionBody(action: string, input: ActionInput, expectedVersion: number): Record<string, unknown> {
  const spec = actionSpec(action);
  const body: Record<string, unknown> = { expectedVersion };
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
  for (const field of spec.fields) {
    switch (field) {
      case 'opinion':
      case 'reason':
      case 'instruction':
      case 'departmentKey': {
        const value = text(input[field]);
        if (value !== undefined) body[field] = value;
        break;
      }
      case 'limit':
        if (input.limit !== undefined && input.limit !== null) {
          body.limit = input.limit;
          body.unit = input.unit ?? 'working_hours';
        }
        break;
      case 'passed':
      case 'satisfied':
        if (input[field] !== undefined) body[field] = input[field];
        break;
      case 'photos':
        break;
    }
  }
  return body;
}

/** Missing required fields, by name; a failed check also needs an opinion (what is still wrong). */
export function missingFields(action: string, input: ActionInput): ActionField[] {
  const spec = actionSpec(action);
  const missing = spec.required.filter((field) => {
    const value = input[field as keyof ActionInput];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
  if (action === 'check' && input.passed === false && !input.opinion?.trim()) missing.push('opinion');
  return missing;
}

/** Order of the buttons: forward moves first, then requests, then the ones that send a case back. */
export function orderActions(actions: readonly string[]): string[] {
  const order = Object.keys(ACTION_SPECS);
  const rank = (action: string) => {
    const index = order.indexOf(action);
    const danger = ACTION_SPECS[action]?.danger ? 100 : 0;
    return (index < 0 ? 99 : index) + danger;
  };
  return [...actions].sort((a, b) => rank(a) - rank(b));
}
