/**
 * Shown when smart-clients.json is malformed. Every problem is listed with its file and field; the app never
 * falls back to accepting any server.
 */
import { ProblemPage } from './ProblemPage.tsx';

export interface ConfigErrorPageProps {
  file: string;
  /** One line per error, from describeConfigErrors(). */
  lines: readonly string[];
}

/** data-app-ready="config-error". */
export function ConfigErrorPage({ file, lines }: ConfigErrorPageProps) {
  return (
    <ProblemPage
      kind="config-error"
      title="The app’s list of allowed EHRs has errors"
      what={`The file ${file} beside the app is not valid, so the app accepts no launch until it is fixed.`}
      todo={`An administrator must correct ${file} (each problem is listed below with its field), then check it with: npm run clients -- list`}
    >
      <h2>Problems found</h2>
      <ul class="launch-page__errors">
        {lines.map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </ProblemPage>
  );
}
