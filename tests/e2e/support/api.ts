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

/** Reports a case through POST /api/cases as the signed-in patroller (or acceptor). */
export async function reportCase(
  api: APIRequestContext,
  report: { kind?: 'event' | 'component'; code: string; longitude: number; latitude: number; description: string },
): Promise<CaseRef> {
  const categories = (await (await api.get('/api/categories')).json()) as Category[];
  const category = categories.find((item) => item.code === report.code && item.kind === (report.kind ?? 'event'));
  if (!category) throw new Error(`No category ${report.code}`);
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
