/**
 * The server's action table (GET /api/case-actions) for tests: every action with its labels and
 * fields, in button order. The JSON beside this file is the served table itself; a server test
 * fails when they differ, so these tests draw exactly the forms users are offered.
 */
import type { CaseActionSpec } from '@/lib/api-types';
import served from './case-action-table.json';

export const CASE_ACTION_TABLE: CaseActionSpec[] = served as CaseActionSpec[];

/** The spec of one action of the table; throws for an action it does not hold. */
export function tableSpec(action: string): CaseActionSpec {
  const spec = CASE_ACTION_TABLE.find((row) => row.action === action);
  if (!spec) throw new Error(`No action '${action}' in the test table`);
  return spec;
}
