/**
 * Shown when an EHR (or a tester) launches the app with an `iss` that is not on the allow-list. The app never
 * starts a sign-in with an unknown server: it names the server and tells an administrator how to add it.
 */
import { ProblemPage } from './ProblemPage.tsx';

export interface UnknownIssuerPageProps {
  /** The iss exactly as received (rendered as text). */
  iss: string;
}

/** data-app-ready="unknown-issuer". */
export function UnknownIssuerPage({ iss }: UnknownIssuerPageProps) {
  return (
    <ProblemPage
      kind="unknown-issuer"
      title="This EHR is not registered with the app"
      what="The app was launched by a FHIR server that is not on its list of allowed EHRs, so it did not sign in or read anything."
      todo="An administrator can allow this EHR by adding it to smart-clients.json beside the app (no rebuild needed), with the client id the EHR issued, or with the command below. Then launch again."
    >
      <h2>Server that launched the app</h2>
      <p>
        <code class="launch-page__value">{iss}</code>
      </p>
      <h2>Command for the administrator</h2>
      <pre class="launch-page__command">
        <code>{`npm run clients -- add --name "<EHR name>" --iss ${iss} --client-id <client id from the EHR> --scope-version v2 --file <the deployed smart-clients.json>`}</code>
      </pre>
    </ProblemPage>
  );
}
