/**
 * What the command-line tools say about expected failures (src/core/problem.ts): one `describeProblem` for a
 * problem and the summary lines built on it. The sentence for a problem is the one the clinician sees in the app
 * (src/ui/strings-problems.ts): one fact, one wording on every surface; the CLI adds only its own framing.
 */
import type { Problem } from '../../core/problem.ts';
import { describeProblem as sentence } from '../../ui/strings-problems.ts';

/** The sentence for a problem, as the app words it. */
export function describeProblem(p: Problem & { file?: string }): string {
  return sentence(p);
}

/** The first problem in words, and how many more there are: the one line `plan` prints when it refuses. */
export function firstProblemLine(problems: readonly Problem[]): string {
  const [first, ...rest] = problems;
  if (!first) return 'the plan cannot be made';
  const more = rest.length ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  return `${describeProblem(first)}${more}`;
}

/** Problems one a line; a plain sentence (a command-line flag problem, still worded where it is found) as is. */
export function problemLines(problems: readonly (string | (Problem & { file?: string }))[]): string {
  return problems.map((p) => (typeof p === 'string' ? p : describeProblem(p))).join('\n');
}
