/** The page for one launch failure, with the server's own error code and description when it gave one. */
import type { LaunchFailure } from '../../edge/smart/launch-failure.ts';
import type { FailureText } from './failure-text.ts';
import { ProblemPage } from './ProblemPage.tsx';

export interface FailurePageProps {
  /** The failure kind, e.g. "access-denied"; the page gets data-app-ready="failure:<kind>". */
  kind: string;
  /** From APP_FAILURE_TEXTS or LAUNCH_FAILURE_TEXTS. */
  text: FailureText;
  /** What the server said (OAuth error code, HTTP status, description), shown verbatim as text. */
  failure?: Pick<LaunchFailure, 'params'>;
  /** What the failure is about, e.g. { label: 'Server', value: 'https://…/fhir' }, shown as text. */
  subject?: { label: string; value: string };
}

/** A failure page: title, what happened, what to do, then the subject and technical details if any. */
export function FailurePage({ kind, text, failure, subject }: FailurePageProps) {
  const params = failure?.params;
  // The OAuth error code when the server gave one, else the HTTP status of the answer that failed.
  const code = params?.error ?? (params?.status !== undefined ? `HTTP ${params.status}` : undefined);
  const description = params?.technical;
  const hasDetail = Boolean(code || description);
  return (
    <ProblemPage kind={`failure:${kind}`} title={text.title} what={text.what} todo={text.todo}>
      {text.serverSays && description && (
        <>
          <h2>{text.serverSays}</h2>
          <p class="launch-page__server-says">{description}</p>
        </>
      )}
      {subject && (
        <>
          <h2>{subject.label}</h2>
          <p>
            <code class="launch-page__value">{subject.value}</code>
          </p>
        </>
      )}
      {hasDetail && (
        <details class="launch-page__details">
          <summary>Technical details for support</summary>
          <dl>
            {code && (
              <>
                <dt>Error code</dt>
                <dd>
                  <code>{code}</code>
                </dd>
              </>
            )}
            {description && (
              <>
                <dt>Server message</dt>
                <dd>{description}</dd>
              </>
            )}
          </dl>
        </details>
      )}
    </ProblemPage>
  );
}
