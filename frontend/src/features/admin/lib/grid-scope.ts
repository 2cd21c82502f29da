import type { GridNode } from '@/lib/api-types';

/** The roles whose accounts may be scoped to a grid subtree (the command-centre roles). */
export const SCOPED_ROLES = ['acceptor', 'shift-leader', 'dispatcher', 'leader', 'admin'] as const;

/** The select's value for "whole city": a Select cannot hold null as a value of its own. */
export const WHOLE_CITY = '*';

/**
 * What a grid scope means for an account holding these roles: 'command', the subtree a command-centre account
 * sees (any node); 'street', the street a patroller supervises (街道监督员, street nodes only), who takes the
 * street's on-site tasks while a grid has nobody on duty; null, none taken.
 */
export type ScopeKind = 'command' | 'street';

export function scopeKind(roles: readonly string[] | undefined): ScopeKind | null {
  if (roles?.some((role) => (SCOPED_ROLES as readonly string[]).includes(role))) return 'command';
  if (roles?.includes('patroller')) return 'street';
  return null;
}

export function takesGridScope(roles: readonly string[]): boolean {
  return scopeKind(roles) !== null;
}

/** The options a scope picker offers for the kind: street nodes only for a street supervisor. */
export function optionsFor<T extends { level: string }>(kind: ScopeKind, options: readonly T[]): T[] {
  return kind === 'street' ? options.filter((option) => option.level === 'street') : [...options];
}

export function scopeToValue(gridScope: string | null | undefined): string {
  return gridScope ? gridScope : WHOLE_CITY;
}

export function valueToScope(value: string): string | null {
  return value === WHOLE_CITY ? null : value;
}

export interface ScopeOption {
  value: string;
  code: string;
  name: string;
  level: GridNode['level'];
}

/**
 * Grid nodes in tree order: every node's code extends its parent's, so sorting by code puts each street
 * under its district and each community under its street. Duplicates (a level asked twice) are dropped.
 */
export function scopeOptions(nodes: readonly GridNode[]): ScopeOption[] {
  const seen = new Set<string>();
  return nodes
    .filter((node) => (seen.has(node.code) ? false : (seen.add(node.code), true)))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((node) => ({ value: node.code, code: node.code, name: node.name, level: node.level }));
}
