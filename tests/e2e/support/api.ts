import { randomUUID } from 'node:crypto';
import { expect, request, type APIRequestContext } from '@playwright/test';
import { demoPassword } from './env';

/** A signed-in API session of a demo account, for the steps of a test that no face under test takes. */
export async function apiAs(baseURL: string, userName: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { userName, password: demoPassword() } });
  expect(login.status(), `sign-in of ${userName}`).toBe(200);
  return api;
}

interface Category {
  id: string;
  kind: string;
  code: string;
  conditions: { id: string }[];
}

export interface CaseRef {
  id: string;
  number: string;
  state: string;
  version: number;
}

/** A category of the catalogue by its code (an event unless told otherwise). */
export async function findCategory(api: APIRequestContext, code: string, kind: 'event' | 'component' = 'event'): Promise<Category> {
  const categories = (await (await api.get('/api/categories')).json()) as Category[];
  const category = categories.find((item) => item.code === code && item.kind === kind);
  if (!category) throw new Error(`No category ${code}`);
  return category;
}

/** Reports a case through POST /api/cases as the signed-in patroller (or acceptor). */
export async function reportCase(
  api: APIRequestContext,
  report: { kind?: 'event' | 'component'; code: string; longitude: number; latitude: number; description: string },
): Promise<CaseRef> {
  const category = await findCategory(api, report.code, report.kind);
  const response = await api.post('/api/cases', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      categoryId: category.id,
      conditionId: category.conditions[0]?.id,
      longitude: report.longitude,
      latitude: report.latitude,
      description: report.description,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CaseRef;
}

export async function getCase(api: APIRequestContext, id: string): Promise<CaseRef & { allowedActions: string[] }> {
  const response = await api.get(`/api/cases/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CaseRef & { allowedActions: string[] };
}

/** Waits until the case reaches `state` (intake and routing run asynchronously after a report). */
export async function waitForState(api: APIRequestContext, id: string, state: string): Promise<CaseRef & { allowedActions: string[] }> {
  await expect.poll(async () => (await getCase(api, id)).state, { timeout: 15_000 }).toBe(state);
  return getCase(api, id);
}

/** POST /api/cases/{id}/{action} with a JSON body, expecting it to go through. */
export async function act(api: APIRequestContext, id: string, action: string, body: Record<string, unknown> = {}): Promise<CaseRef> {
  const response = await api.post(`/api/cases/${id}/${action}`, { data: body });
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  return (await response.json()) as CaseRef;
}

export interface DryRun {
  matched: boolean;
  department?: { key: string; nameZh: string } | null;
}

/** GET /api/routing/dry-run: where a case of the category at the point would go now. */
export async function dryRun(api: APIRequestContext, categoryId: string, point: { longitude: number; latitude: number }): Promise<DryRun> {
  const response = await api.get('/api/routing/dry-run', { params: { categoryId, lon: point.longitude, lat: point.latitude } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as DryRun;
}

/** Retires the category's rules in force whose note starts with `marker` (left by an interrupted run). */
export async function retireRulesNoted(api: APIRequestContext, categoryId: string, marker: string): Promise<void> {
  const rules = (await (await api.get('/api/routing/rules', { params: { categoryId } })).json()) as { id: string; note?: string | null }[];
  for (const rule of rules.filter((item) => item.note?.startsWith(marker))) {
    const response = await api.delete(`/api/admin/routing/rules/${rule.id}`);
    expect(response.status(), await response.text()).toBe(204);
  }
}

/** PUT /api/admin/users/{userName}/grid-scope as an administrator. */
export async function setGridScope(api: APIRequestContext, userName: string, gridScope: string | null): Promise<void> {
  const response = await api.put(`/api/admin/users/${encodeURIComponent(userName)}/grid-scope`, { data: { gridScope } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The grid scope GET /api/admin/users lists for an account. */
export async function gridScopeOf(api: APIRequestContext, userName: string): Promise<string | null> {
  const response = await api.get('/api/admin/users', { params: { q: userName } });
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { items: { userName: string; gridScope: string | null }[] };
  const account = page.items.find((item) => item.userName === userName);
  if (!account) throw new Error(`No account ${userName}`);
  return account.gridScope;
}
