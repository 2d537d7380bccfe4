import { useMemo, useState } from 'react';
import type { Problem } from '../../engine/problem';

const FIRST = 50;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, a first page shown, and a count by severity. */
export function useProblemList(problems: readonly Problem[]) {
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]), [problems]);
  const count = (s: Problem['severity']) => problems.filter((p) => p.severity === s).length;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'note'],
  ].flatMap(([n, word]) => (n ? [`${n} ${word}${n === 1 ? '' : 's'}`] : []));
  const shown = all ? sorted : sorted.slice(0, FIRST);
  return { shown, hidden: sorted.length - shown.length, summary: parts.join(', '), showAll: () => setAll(true) };
}
