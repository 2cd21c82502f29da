import { ApiError, describeApiError } from '@/lib/http';

export interface FormProblem<F extends string = string> {
  /** Messages for the form's own fields, in antd's setFields shape. */
  fields: { name: F; errors: string[] }[];
  /** What no field can show: a 409's detail, errors on fields the form lacks, a network failure. */
  message: string | null;
}

/**
 * Splits a problem+json answer between the form's fields and one message above them, so that a 400
 * marks the field it names and a 409 or a 404 still says why.
 */
export function formProblem<F extends string>(error: unknown, fieldNames: readonly F[]): FormProblem<F> {
  if (!(error instanceof ApiError)) return { fields: [], message: describeApiError(error) };
  const fields: FormProblem<F>['fields'] = [];
  const rest: string[] = [];
  for (const [key, messages] of Object.entries(error.errors)) {
    // ASP.NET may name a field as the C# property does (CategoryId); the form uses camelCase.
    const name = key.charAt(0).toLowerCase() + key.slice(1);
    if ((fieldNames as readonly string[]).includes(name)) fields.push({ name: name as F, errors: messages });
    else rest.push(...messages);
  }
  if (error.detail) rest.unshift(error.detail);
  if (rest.length === 0 && fields.length === 0) rest.push(error.title);
  return { fields, message: rest.length > 0 ? [...new Set(rest)].join(' ') : null };
}
