/** One field of an audited record that an administrative change touched. */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

function parse(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The fields that differ between the before and after snapshots of an audit row, in the order the record lists them;
 * a created record shows every field of the after side, a removed one every field of the before side.
 */
export function auditChanges(before: string | null | undefined, after: string | null | undefined): AuditChange[] {
  const old = parse(before);
  const now = parse(after);
  const fields = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])];
  return fields
    .map((field) => ({ field, before: old ? show(old[field]) : '', after: now ? show(now[field]) : '' }))
    .filter((change) => change.before !== change.after);
}
