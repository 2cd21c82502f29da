import type { Indicator, IndicatorKind } from '@/lib/evaluation-types';

/** What a code is when the definitions have not arrived: rates end in "Rate". */
export function indicatorKind(code: string, definitions: ReadonlyMap<string, Indicator>): IndicatorKind {
  return definitions.get(code)?.kind ?? (code.endsWith('Rate') ? 'rate' : 'count');
}

export function indicatorName(code: string, definitions: ReadonlyMap<string, Indicator>, language: string): string {
  const found = definitions.get(code);
  if (!found) return code;
  return language === 'en' ? found.nameEn : found.nameZh;
}

export function byCode(indicators: readonly Indicator[] | undefined): Map<string, Indicator> {
  return new Map((indicators ?? []).map((indicator) => [indicator.code, indicator]));
}

/**
 * The count whose cases stand behind a figure: a count itself, or a rate's numerator when the definition
 * names it by a count code. Null when the figure has no case list (a score, a numerator in words).
 */
export function casesIndicator(code: string, definitions: ReadonlyMap<string, Indicator>): string | null {
  const kind = indicatorKind(code, definitions);
  if (kind === 'count') return code;
  if (kind !== 'rate') return null;
  const numerator = definitions.get(code)?.numerator;
  return numerator && definitions.get(numerator)?.kind === 'count' ? numerator : null;
}
