/** The page for one launch failure, with the server's own error code and description when it gave one. */
import type { LaunchFailure } from '../../edge/smart/launch-failure.ts';
import { FAILURE_TEXTS, type FailureKind } from './failure-texts.ts';
import { ProblemPage } from './ProblemPage.tsx';

export interface FailurePageProps {
  kind: FailureKind;
  /** What the server said (OAuth error code and description), shown verbatim as text. */
  failure?: Pick<LaunchFailure, 'code' | 'description'>;
  /** What the failure is about, e.g. { label: 'Server', value: 'https://…/fhir' }, shown as text. */
  subject?: { label: string; value: string };
}

/** Renders FAILURE_TEXTS[kind]; data-app-ready="failure:<kind>". */
export function FailurePage({ kind, failure, subject }: FailurePageProps) {
  const text = FAILURE_TEXTS[kind];
  const hasDetail = Boolean(failure?.code || failure?.description);
  return (
    <ProblemPage kind={`failure:${kind}`} title={text.title} what={text.what} todo={text.todo}>
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
            {failure?.code && (
              <>
                <dt>Error code</dt>
                <dd>
                  <code>{failure.code}</code>
                </dd>
              </>
            )}
            {failure?.description && (
              <>
                <dt>Server message</dt>
                <dd>{failure.description}</dd>
              </>
            )}
          </dl>
        </details>
      )}
    </ProblemPage>
  );
}
