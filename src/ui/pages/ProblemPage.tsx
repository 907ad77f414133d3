/**
 * The one layout every launch problem page uses: a heading, what happened, what to do, optional details.
 * Text only (never HTML from a server). `data-app-ready` marks the page as the app's final state for the
 * browser tests (tests/e2e/support/browser.ts).
 */
import type { ComponentChildren } from 'preact';

export interface ProblemPageProps {
  /** Page kind, e.g. "failure:access-denied"; becomes data-app-ready. */
  kind: string;
  title: string;
  what: string;
  todo: string;
  children?: ComponentChildren;
}

/** A full-page problem report. */
export function ProblemPage({ kind, title, what, todo, children }: ProblemPageProps) {
  return (
    <main class="launch-page launch-page--problem" data-app-ready={kind} aria-labelledby="problem-title">
      <h1 id="problem-title">{title}</h1>
      <p class="launch-page__what">{what}</p>
      <h2>What to do</h2>
      <p class="launch-page__todo">{todo}</p>
      {children}
    </main>
  );
}
