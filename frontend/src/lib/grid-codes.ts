/**
 * Grid codes (DOMAIN.md §1): a district is a 6-digit administrative code, its city the same code
 * ending in 00, and every level below appends three digits. So whether a case lies under a node
 * follows from the codes alone, exactly, without the node's polygon.
 */

/** True when `code` is the node `node` or lies anywhere under it. */
export function gridContains(node: string, code: string): boolean {
  // A city's districts share its first four digits (450300 → 4503xx).
  const isCity = node.length === 6 && node.endsWith('00');
  return code.startsWith(isCity ? node.slice(0, 4) : node);
}
