/**
 * Entry of the registration page (registration/index.html, served at `<app>/registration/`): what an EHR admin
 * enters to register the app deployed here. The base URL is derived from the page's own address, so the page is
 * right wherever the static build is deployed. Text only (no HTML from data), no inline scripts or styles.
 */
import { render } from 'preact';
import { version } from '../../package.json';
import { appBaseFromPageUrl, buildRegistration, type Registration } from '../core/registration/index.ts';
import type { ScopeNeed } from '../core/smart/scopes.ts';
import { readOnlyScopes } from '../core/smart/write-scopes.ts';
import { describeProblem } from '../ui/strings-problems.ts';
import '../../registration/registration.css';

function ScopeTable({ caption, needs }: { caption: string; needs: ScopeNeed[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">SMART v1</th>
          <th scope="col">SMART v2</th>
          <th scope="col">Why the app needs it</th>
        </tr>
      </thead>
      <tbody>
        {needs.map((s) => (
          <tr key={s.v2}>
            <td>
              <code>{s.v1}</code>
            </td>
            <td>
              <code>{s.v2}</code>
            </td>
            <td>{s.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The page for one registration. */
export function RegistrationPage({ registration: r }: { registration: Registration }) {
  return (
    <main class="registration" data-app-ready="registration">
      <h1>Registering the low-dose naltrexone app</h1>
      <p>
        Values for the app deployed at <code>{r.baseUrl}</code>. Register it as a public client (no secret) using PKCE
        S256, FHIR R4, with a separate client id for each environment.
      </p>

      <h2 id="launch">Launch URL</h2>
      <p>
        <code>{r.launchUrl}</code>
      </p>

      <h2 id="redirects">Redirect URIs</h2>
      <p>Register both; neither has a #fragment.</p>
      <ul aria-labelledby="redirects">
        {r.redirectUris.map((u) => (
          <li key={u}>
            <code>{u}</code>
          </li>
        ))}
      </ul>

      <h2 id="scopes">Scopes</h2>
      <p>Register the v1 or the v2 form, whichever the EHR uses (record the choice in the allow-list file).</p>
      <ScopeTable caption="EHR launch" needs={r.scopes.ehr} />
      <ScopeTable caption="Standalone launch (testers)" needs={r.scopes.standalone} />
      <h3>Scope strings as the app requests them</h3>
      <dl>
        <dt>EHR launch, v1</dt>
        <dd>
          <code>{r.scopeStrings.ehr.v1}</code>
        </dd>
        <dt>EHR launch, v2</dt>
        <dd>
          <code>{r.scopeStrings.ehr.v2}</code>
        </dd>
        <dt>Standalone launch, v1</dt>
        <dd>
          <code>{r.scopeStrings.standalone.v1}</code>
        </dd>
        <dt>Standalone launch, v2</dt>
        <dd>
          <code>{r.scopeStrings.standalone.v2}</code>
        </dd>
      </dl>

      <h3>Read-only scope strings (no order is written)</h3>
      <p>
        For an EHR that will not grant the create scopes: the app then offers the printable order and its FHIR JSON. Set{' '}
        <code>"write": "off"</code> for that EHR in smart-clients.json, or <code>"fallback"</code> to ask for the full
        set first and, if the EHR refuses it, once more for this one.
      </p>
      <dl>
        {(['ehr', 'standalone'] as const).flatMap((kind) =>
          (['v1', 'v2'] as const).map((v) => (
            <div key={`${kind}-${v}`}>
              <dt>
                {kind === 'ehr' ? 'EHR launch' : 'Standalone launch'}, {v}, read-only
              </dt>
              <dd>
                <code>{readOnlyScopes(kind, v)}</code>
              </dd>
            </div>
          )),
        )}
      </dl>

      <h2 id="capabilities">SMART capabilities used</h2>
      <ul aria-labelledby="capabilities">
        {r.capabilities.map((c) => (
          <li key={c.capability}>
            <code>{c.capability}</code>
            {c.required ? ' (required)' : ' (optional)'}: {c.why}
          </li>
        ))}
      </ul>

      <h2 id="metadata">Client metadata (RFC 7591)</h2>
      <p>For servers with dynamic client registration, or to attach to a registration request.</p>
      <pre aria-labelledby="metadata" tabIndex={0}>
        {JSON.stringify(r.clientMetadata, null, 2)}
      </pre>
    </main>
  );
}

/** Shown when the page's own address cannot be a registered base URL (e.g. plain http on a public host). */
export function RegistrationProblem({ message }: { message: string }) {
  return (
    <main class="registration" data-app-ready="registration-error">
      <h1>Registering the low-dose naltrexone app</h1>
      <p class="registration__error" role="alert">
        This deployment cannot be registered as it is: {message}.
      </p>
    </main>
  );
}

function mount(root: HTMLElement): void {
  const base = appBaseFromPageUrl(location.href);
  const built = base.ok ? buildRegistration({ baseUrl: base.value, version }) : base;
  render(
    built.ok ? (
      <RegistrationPage registration={built.value} />
    ) : (
      <RegistrationProblem message={describeProblem(built.error)} />
    ),
    root,
  );
}

const root = typeof document !== 'undefined' ? document.getElementById('root') : null;
if (root) mount(root);
