/**
 * A copy of the server's action table (GET /api/case-actions) for tests: every action with its
 * fields, in button order. The server keeps the real one; this copy only has to be plausible and
 * complete enough that every field name and kind the server uses appears in it.
 */
import type { ActionFieldSpec, CaseActionSpec } from '@/lib/api-types';

const text = (name: string, required = false): ActionFieldSpec => ({ name, kind: 'text', required });
const opinion = text('opinion');
const reason = text('reason', true);

function row(action: string, labelZh: string, labelEn: string, fields: ActionFieldSpec[], extra: Partial<CaseActionSpec> = {}): CaseActionSpec {
  return { action, labelZh, labelEn, danger: false, photos: false, fields, ...extra };
}

export const CASE_ACTION_TABLE: CaseActionSpec[] = [
  row('accept', '受理', 'Accept', [opinion]),
  row('request-verification', '发起核实', 'Ask for verification', [opinion]),
  row('verify', '核实', 'Verify', [opinion], { photos: true }),
  row('file', '立案', 'File', [
    { name: 'categoryId', kind: 'category', required: false },
    { name: 'conditionId', kind: 'condition', required: false },
    opinion,
  ]),
  row('dispatch', '派遣', 'Dispatch', [
    { name: 'departmentKey', kind: 'department', required: true },
    { name: 'assistingDepartmentKeys', kind: 'departments', required: false },
    opinion,
  ]),
  row('assist', '协办', 'Assist', [{ name: 'assistingDepartmentKeys', kind: 'departments', required: true }, opinion]),
  row('sign', '签收', 'Sign for', [opinion]),
  row('request-extension', '申请延期', 'Ask for extension', [{ name: 'limit', kind: 'limit', required: true }, text('reason')]),
  row('approve-extension', '批准延期', 'Approve extension', [{ name: 'limit', kind: 'limit', required: false }, opinion]),
  row('request-suspension', '申请挂账', 'Ask to suspend', [reason]),
  row('approve-suspension', '批准挂账', 'Approve suspension', [opinion]),
  row('resume', '恢复办理', 'Resume', [opinion]),
  row('feedback', '处置反馈', 'Report back', [opinion], { photos: true }),
  row('request-check', '发起核查', 'Ask for check', [opinion]),
  row('check', '核查', 'Check', [
    { name: 'passed', kind: 'boolean', required: true },
    { name: 'opinion', kind: 'text', required: false, requiredWhen: { field: 'passed', equals: false } },
  ], { photos: true }),
  row('close', '结案', 'Close', [opinion]),
  row('escalate', '督办', 'Escalate', [text('instruction', true)]),
  row('callback', '回访', 'Callback', [{ name: 'satisfied', kind: 'boolean', required: true }, opinion]),
  row('self-handle', '自行处置', 'Confirm self-handled', [opinion], { photos: true }),
  row('refuse', '不予受理', 'Refuse', [reason], { danger: true }),
  row('void', '作废', 'Void', [reason], { danger: true }),
  row('return', '回退', 'Return', [reason], { danger: true }),
  row('reject-extension', '驳回延期', 'Reject extension', [reason], { danger: true }),
  row('reject-suspension', '驳回挂账', 'Reject suspension', [reason], { danger: true }),
];

/** The spec of one action of the copy; throws for an action it does not hold. */
export function tableSpec(action: string): CaseActionSpec {
  const spec = CASE_ACTION_TABLE.find((row) => row.action === action);
  if (!spec) throw new Error(`No action '${action}' in the test table`);
  return spec;
}
