import { useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '@/lib/api-types';

/** Ids of rows that arrived or changed since the last render, for a short highlight. */
export function useFreshIds(cases: readonly CaseSummary[] | undefined, highlightMs = 8000): ReadonlySet<string> {
  const seen = useRef<Map<string, number> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!cases) return undefined;
    const previous = seen.current;
    seen.current = new Map(cases.map((item) => [item.id, item.version]));
    if (!previous) return undefined;
    const changed = cases.filter((item) => previous.get(item.id) !== item.version).map((item) => item.id);
    if (changed.length === 0) return undefined;
    setFresh((current) => new Set([...current, ...changed]));
    const timer = setTimeout(() => {
      setFresh((current) => new Set([...current].filter((id) => !changed.includes(id))));
    }, highlightMs);
    return () => clearTimeout(timer);
  }, [cases, highlightMs]);

  return fresh;
}
