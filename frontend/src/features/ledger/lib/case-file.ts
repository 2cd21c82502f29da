import type { CaseDto, CasePhoto } from '@/lib/api-types';

export interface CaseFileStep {
  key: string;
  label: string;
  before: CasePhoto[];
  after: CasePhoto[];
}

const AFTER = new Set(['feedback', 'check', 'self-handle']);

/**
 * The case file's photo table: one line per step that carries photos, the trace row's own words as its label.
 * Photos of the report and of verifying are "before"; feedback, the check and a fix on the spot are "after". Each
 * feedback pairs with the report's photos, so a reworked case shows every attempt beside the problem.
 */
export function caseFileSteps(item: Pick<CaseDto, 'photos' | 'trace'>): CaseFileStep[] {
  const bySequence = new Map(item.trace.map((entry) => [entry.sequence, entry]));
  const before = item.photos.filter((p) => !AFTER.has(p.stage ?? 'report'));
  const afterGroups = new Map<string, CasePhoto[]>();
  for (const photo of item.photos.filter((p) => AFTER.has(p.stage ?? 'report'))) {
    const key = `${photo.stage}-${photo.traceSequence ?? 0}`;
    afterGroups.set(key, [...(afterGroups.get(key) ?? []), photo]);
  }
  const label = (sequence: number | null | undefined, fallback: string) => {
    const entry = sequence ? bySequence.get(sequence) : undefined;
    return entry?.text || entry?.code || fallback;
  };
  if (afterGroups.size === 0) return before.length > 0 ? [{ key: 'report', label: label(1, 'report'), before, after: [] }] : [];
  return [...afterGroups.entries()].map(([key, after]) => ({
    key,
    label: label(after[0]!.traceSequence, after[0]!.stage ?? key),
    before,
    after,
  }));
}
