/**
 * Case states (DOMAIN.md §4). The label of each lives in the locale files under `state.<State>`;
 * a state this list does not know is shown as the server sent it.
 */
import type { TFunction } from 'i18next';

export const CASE_STATES = [
  'Reported',
  'Verifying',
  'ToFile',
  'ToDispatch',
  'Dispatched',
  'Handling',
  'FedBack',
  'Checking',
  'ToClose',
  'Closed',
  'Archived',
  'NotAccepted',
  'Voided',
  'Returned',
  'Suspended',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

const known: ReadonlySet<string> = new Set(CASE_STATES);

export function isKnownState(state: string): state is CaseState {
  return known.has(state);
}

export function stateLabelKey(state: string): string | null {
  return isKnownState(state) ? `state.${state}` : null;
}

export function stateLabel(t: TFunction, state: string): string {
  const key = stateLabelKey(state);
  return key ? t(key) : state;
}

const colors: Record<CaseState, string> = {
  Reported: '#8c8c8c',
  Verifying: '#13c2c2',
  ToFile: '#2f54eb',
  ToDispatch: '#722ed1',
  Dispatched: '#fa8c16',
  Handling: '#1677ff',
  FedBack: '#a0d911',
  Checking: '#13a8a8',
  ToClose: '#52c41a',
  Closed: '#389e0d',
  Archived: '#595959',
  NotAccepted: '#bfbfbf',
  Voided: '#bfbfbf',
  Returned: '#f5222d',
  Suspended: '#faad14',
};

export function stateColor(state: string): string {
  return isKnownState(state) ? colors[state] : '#8c8c8c';
}
