/**
 * The one way the frontend talks HTTP: cookies always travel, the UI language goes as
 * Accept-Language, problem+json answers become an ApiError that carries title, detail and field
 * errors, and a 401 sends the app to /login.
 */

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldErrors;
  /** The whole problem+json answer, with its extensions (a 409's `current` record, a refusal's list). */
  readonly problem: Record<string, unknown>;
  /** The problem's members other than title, detail and errors (`code`, a 409's `current` and `currentVersion`...). */
  readonly extensions: Record<string, unknown>;

  constructor(status: number, title: string, detail?: string, errors: FieldErrors = {}, problem: Record<string, unknown> = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.problem = problem;
    const { title: _title, detail: _detail, errors: _errors, ...extensions } = problem;
    this.extensions = extensions;
  }

  /** A status of 0 means the request never got an answer (network down, aborted). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

type LanguageSource = () => string;
let languageSource: LanguageSource = () => 'zh-CN';

/**
 * The app registers where the UI language is read: every request asks the server for it
 * (Accept-Language), so text the server renders (trace lines) comes in that language. Returns a
 * function that unregisters.
 */
export function setRequestLanguage(source: LanguageSource): () => void {
  languageSource = source;
  return () => {
    if (languageSource === source) languageSource = () => 'zh-CN';
  };
}

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** The app registers where a 401 should take the user; returns a function that unregisters. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

export interface HttpOptions {
  method?: string;
  /** Serialised as JSON with the matching content type. */
  json?: unknown;
  /** Sent as is (FormData, Blob...); the browser sets the content type. */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** False for calls where a 401 is an answer the caller shows (wrong password). */
  redirectOnUnauthorized?: boolean;
}

interface ProblemDetails {
  title?: string;
  detail?: string;
  errors?: FieldErrors;
  [member: string]: unknown;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return {};
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    return {};
  }
}

export async function http<T>(path: string, options: HttpOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': languageSource(), ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      credentials: 'include',
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Network error', error instanceof Error ? error.message : String(error));
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && options.redirectOnUnauthorized !== false) unauthorizedHandler?.();
    throw new ApiError(
      response.status,
      problem.title ?? (response.statusText || `HTTP ${response.status}`),
      problem.detail,
      problem.errors ?? {},
      problem,
    );
  }

  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

/** The first field error messages, flattened, for a message line under a form. */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiError) {
    const fieldMessages = Object.values(error.errors).flat();
    const parts = [error.detail ?? error.title, ...fieldMessages].filter(Boolean);
    return [...new Set(parts)].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
