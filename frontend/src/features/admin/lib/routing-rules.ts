import type { TFunction } from 'i18next';
import type { Category, RoutingRule, RoutingRuleRequest, RoutingTarget } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

/** The fields of the rule form, named as the API names them, so that a 400 lands on the right one. */
export const RULE_FIELDS = [
  'categoryId',
  'conditionId',
  'gridCode',
  'ownerDepartmentKey',
  'target',
  'departmentKey',
  'departmentKind',
  'priority',
  'validFrom',
  'note',
] as const;

export type RuleEditing = { mode: 'new' } | { mode: 'change'; rule: RoutingRule };

export interface RuleFormValues {
  categoryId?: string;
  conditionId?: string | null;
  gridCode?: string | null;
  ownerDepartmentKey?: string | null;
  target?: RoutingTarget;
  departmentKey?: string | null;
  departmentKind?: string | null;
  priority?: number | null;
  /** ISO instant; empty: the rule takes effect when saved. */
  validFrom?: string | null;
  note?: string | null;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Only components (部件) have owners: an event can be routed to a department or by jurisdiction. */
export function targetsFor(kind: Category['kind'] | undefined): RoutingTarget[] {
  return kind === 'event' ? ['department', 'jurisdiction'] : ['department', 'componentOwner', 'jurisdiction'];
}

/**
 * The request body for the form's values. Fields the chosen target or the category's kind do not use are
 * left out, since the server refuses a department on a jurisdiction rule and an owner on an event.
 */
export function ruleRequest(values: RuleFormValues, categoryKind: Category['kind'] | undefined): RoutingRuleRequest {
  if (!values.categoryId) throw new Error('A rule needs a category.');
  if (!values.target) throw new Error('A rule needs a target.');
  const request: RoutingRuleRequest = { categoryId: values.categoryId, target: values.target };
  const conditionId = text(values.conditionId);
  if (conditionId) request.conditionId = conditionId;
  const gridCode = text(values.gridCode);
  if (gridCode) request.gridCode = gridCode;
  const owner = text(values.ownerDepartmentKey);
  if (owner && categoryKind !== 'event') request.ownerDepartmentKey = owner;
  const departmentKey = text(values.departmentKey);
  if (values.target === 'department' && departmentKey) request.departmentKey = departmentKey;
  const departmentKind = text(values.departmentKind);
  if (values.target === 'jurisdiction' && departmentKind) request.departmentKind = departmentKind;
  if (typeof values.priority === 'number' && Number.isFinite(values.priority)) request.priority = values.priority;
  const validFrom = text(values.validFrom);
  if (validFrom) request.validFrom = validFrom;
  const note = text(values.note);
  if (note) request.note = note;
  return request;
}

/** A changed rule's form starts from the rule; its successor takes effect when saved unless told otherwise. */
export function formValuesOf(rule: RoutingRule): RuleFormValues {
  return {
    categoryId: rule.category.id,
    conditionId: rule.condition?.id ?? null,
    gridCode: rule.gridCode ?? null,
    ownerDepartmentKey: rule.ownerDepartment?.key ?? null,
    target: rule.target,
    departmentKey: rule.department?.key ?? null,
    departmentKind: rule.departmentKind ?? null,
    priority: rule.priority,
    validFrom: null,
    note: rule.note ?? null,
  };
}

export function departmentKindLabel(kind: string, t: TFunction): string {
  return t(`admin.departmentKinds.${kind}`, { defaultValue: kind });
}

/** Where a rule sends a case, in words: the department, the component's owner, or the local department of a kind. */
export function targetLabel(
  rule: Pick<RoutingRule, 'target' | 'department' | 'departmentKind'>,
  t: TFunction,
  language: string,
): string {
  switch (rule.target) {
    case 'department':
      return rule.department ? localName(language, rule.department.nameZh, rule.department.nameEn) : t('admin.rules.target.department');
    case 'componentOwner':
      return t('admin.rules.target.componentOwner');
    case 'jurisdiction':
      return rule.departmentKind
        ? t('admin.rules.target.jurisdictionOf', { kind: departmentKindLabel(rule.departmentKind, t) })
        : t('admin.rules.target.jurisdiction');
    default:
      return String(rule.target);
  }
}

/** A rule that ends at some point (retired, or replaced by a successor) cannot be changed or retired again. */
export function isOpenEnded(rule: Pick<RoutingRule, 'validTo'>): boolean {
  return !rule.validTo;
}

/** Ended: retired or replaced, as opposed to a rule whose start still lies ahead. */
export function hasEnded(rule: Pick<RoutingRule, 'validTo'>, now: number): boolean {
  return !!rule.validTo && Date.parse(rule.validTo) <= now;
}

/** Categories by code, components before events within a code, as the catalogue lists them. */
export function sortRules(rules: readonly RoutingRule[]): RoutingRule[] {
  return [...rules].sort(
    (a, b) =>
      a.category.code.localeCompare(b.category.code) ||
      a.category.kind.localeCompare(b.category.kind) ||
      (b.gridCode?.length ?? 0) - (a.gridCode?.length ?? 0) ||
      b.priority - a.priority ||
      b.validFrom.localeCompare(a.validFrom),
  );
}

/** A category in pickers: code, name and kind, since a component and an event may share a code. */
export function categoryOption(category: Category, language: string, kindLabel: string) {
  return {
    value: category.id,
    label: `${category.code} ${localName(language, category.nameZh, category.nameEn)} · ${kindLabel}`,
    testId: `${category.kind}-${category.code}`,
  };
}
