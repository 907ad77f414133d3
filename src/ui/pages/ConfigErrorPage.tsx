/**
 * Shown when smart-clients.json is malformed. Every problem is listed with its file and field; the app never
 * falls back to accepting any server.
 */
import type { ConfigError } from '../../core/smart/allow-list.ts';
import { describeProblem } from '../strings-problems.ts';
import { ProblemPage } from './ProblemPage.tsx';

export interface ConfigErrorPageProps {
  file: string;
  /** Every problem found by parseAllowList(), one line each. */
  errors: readonly ConfigError[];
}

/** data-app-ready="config-error". */
export function ConfigErrorPage({ file, errors }: ConfigErrorPageProps) {
  return (
    <ProblemPage
      kind="config-error"
      title="The app’s list of allowed EHRs has errors"
      what={`The file ${file} beside the app is not valid, so the app accepts no launch until it is fixed.`}
      todo={`An administrator must correct ${file} (each problem is listed below with its field), then check it with: npm run clients -- list`}
    >
      <h2>Problems found</h2>
      <ul class="launch-page__errors">
        {errors.map((e, i) => (
          <li key={i}>
            <code>{describeProblem(e)}</code>
          </li>
        ))}
      </ul>
    </ProblemPage>
  );
}
