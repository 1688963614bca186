/** The problem list of a refused import: counts per file and the filter the list offers. */
import type { ImportProblem } from '../../../../shared/package-spec/problems.ts';

/** Problems per file, in the order files first appear. */
export function countByFile(problems: readonly ImportProblem[]): { file: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
  return [...counts.entries()].map(([file, count]) => ({ file, count }));
}

/** The problems of one file, or all when `file` is null. */
export function problemsOf(problems: readonly ImportProblem[], file: string | null): readonly ImportProblem[] {
  return file === null ? problems : problems.filter((p) => p.file === file);
}

/** `12`, or `—` for a problem about the whole file or row (0). */
export function position(n: number): string {
  return n > 0 ? String(n) : '—';
}
