import type { Category, CategoryCondition, CategoryRequest, ConditionRequest, TimeLimitUnit } from '@/lib/api-types';

export type KindFilter = 'all' | 'event' | 'component';

export interface CatalogueFilter {
  kind: KindFilter;
  /** Matched against the code and both names of a category and of its conditions. */
  text: string;
  showRetired: boolean;
}

/** What the catalogue table shows: by kind, by text, retired categories only when asked. */
export function filterCatalogue(categories: readonly Category[], filter: CatalogueFilter): Category[] {
  const text = filter.text.trim().toLowerCase();
  return categories.filter((category) => {
    if (filter.kind !== 'all' && category.kind !== filter.kind) return false;
    if (!filter.showRetired && category.retired) return false;
    if (!text) return true;
    const words = [category.code, category.nameZh, category.nameEn, category.majorNameZh, category.majorNameEn]
      .concat(category.conditions.flatMap((c) => [c.nameZh, c.nameEn]))
      .map((word) => word.toLowerCase());
    return words.some((word) => word.includes(text));
  });
}

export const CATEGORY_FIELDS = ['kind', 'code', 'majorNameZh', 'majorNameEn', 'nameZh', 'nameEn', 'departmentKind'] as const;

export interface CategoryFormValues {
  kind: 'event' | 'component';
  code: string;
  majorNameZh: string;
  majorNameEn: string;
  nameZh: string;
  nameEn: string;
  departmentKind: string;
}

export function categoryFormValues(category: Category | undefined): Partial<CategoryFormValues> {
  if (!category) return { kind: 'event', departmentKind: 'territory' };
  const { kind, code, majorNameZh, majorNameEn, nameZh, nameEn, departmentKind } = category;
  return { kind, code, majorNameZh, majorNameEn, nameZh, nameEn, departmentKind };
}

/** The request for a new category, or an edit of `category` from the version it was read at. */
export function categoryRequest(values: CategoryFormValues, category?: Category): CategoryRequest {
  return { ...values, version: category?.version ?? null };
}

export const CONDITION_FIELDS = [
  'nameZh',
  'nameEn',
  'closingStandardZh',
  'closingStandardEn',
  'limit',
  'unit',
] as const;

export interface ConditionFormValues {
  nameZh: string;
  nameEn: string;
  closingStandardZh?: string;
  closingStandardEn?: string;
  limit: number;
  unit: TimeLimitUnit;
}

export function conditionFormValues(condition: CategoryCondition | undefined): Partial<ConditionFormValues> {
  if (!condition) return { unit: 'working_hours' };
  const { nameZh, nameEn, closingStandardZh, closingStandardEn, limit, unit } = condition;
  return { nameZh, nameEn, closingStandardZh, closingStandardEn, limit, unit };
}

export function conditionRequest(values: ConditionFormValues, condition?: CategoryCondition): ConditionRequest {
  return {
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    closingStandardZh: values.closingStandardZh ?? '',
    closingStandardEn: values.closingStandardEn ?? '',
    limit: values.limit,
    unit: values.unit,
    version: condition?.version ?? null,
  };
}

export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = ['working_hours', 'urgent_hours', 'working_days', 'calendar_days'];
