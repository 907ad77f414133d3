/**
 * The standalone tester flow (issue 5 item 6): choose a server from the allow-list (SMART servers marked
 * standalone, open servers) or type an open server URL when the list allows it; see what the server supports
 * (the check-server evaluation); on an open server search a patient by name and pick one. Calls onLaunch with the
 * choice; the launch page does the rest. Everything from servers is rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import { hasMoreResults, patientChoices, type PatientChoice } from '../../core/server/patient-choices.ts';
import type { ServerReport } from '../../core/server/types.ts';
import { failureText } from '../../core/server/strings.ts';
import { canonicalIssuer, type AllowList } from '../../core/smart/allow-list.ts';
import { checkIssuerUrl } from '../strings-url.ts';
import { launcherStandaloneBase, type LauncherStandaloneType } from '../../core/smart/launcher.ts';
import { checkServer, fetchJson } from '../../edge/server-check.ts';
import type { FhirHttp, StandaloneTarget } from '../../edge/types.ts';
import { fetchHttp } from '../../adapters/browser-open-fhir-http.ts';
import { T } from '../strings-standalone.ts';
import { ServerNote } from './ServerNote.tsx';
import './standalone.css';

export interface StandalonePickerProps {
  allowList: AllowList;
  onLaunch: (target: StandaloneTarget) => void;
  /** The FhirHttp for a server without a token (default: global fetch with a timeout); tests may inject one. */
  httpFor?: (baseUrl: string) => FhirHttp;
}

type Choice =
  | { kind: 'smart'; name: string; url: string }
  /** A SMART Health IT launcher: the FHIR base is built from the launch type the tester picks. */
  | { kind: 'launcher'; name: string; url: string }
  | { kind: 'open'; name: string; url: string }
  | { kind: 'typed' };

/** The launcher's standalone launch types a tester can pick, in order, with their labels. */
const LAUNCH_TYPES: ReadonlyArray<{ type: LauncherStandaloneType; label: string }> = [
  { type: 'patient-standalone', label: T.launchType['patient-standalone'] },
  { type: 'provider-standalone', label: T.launchType['provider-standalone'] },
];

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'done'; report: ServerReport };
type Search =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; patients: PatientChoice[]; more: boolean }
  | { state: 'failed'; problem: string };

const choiceKey = (c: Choice) => (c.kind === 'typed' ? 'typed' : `${c.kind}:${c.url}`);

/** Lets a tester choose a server (and, for open servers, a patient), then calls onLaunch. */
export function StandalonePicker({ allowList, onLaunch, httpFor = fetchHttp }: StandalonePickerProps) {
  const choices: Choice[] = [
    ...allowList.clients
      .filter((c) => c.standalone === true && c.iss !== undefined)
      .map((c) => ({ kind: 'smart' as const, name: c.name, url: c.iss ?? '' })),
    ...allowList.clients
      .filter((c) => c.standalone === true && c.smartLauncher !== undefined)
      .map((c) => ({ kind: 'launcher' as const, name: c.name, url: c.smartLauncher ?? '' })),
    ...allowList.standalone.openServers.map((o) => ({ kind: 'open' as const, name: o.name, url: o.fhirServiceUrl })),
    ...(allowList.standalone.allowTypedOpenServer ? [{ kind: 'typed' as const }] : []),
  ];
  const [selected, setSelected] = useState<string>(choices[0] ? choiceKey(choices[0]) : '');
  const [typed, setTyped] = useState('');
  const [typedServer, setTypedServer] = useState<string | undefined>(undefined);
  const [typedProblem, setTypedProblem] = useState<string | undefined>(undefined);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [name, setName] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [launchType, setLaunchType] = useState<LauncherStandaloneType>('patient-standalone');

  const choice = choices.find((c) => choiceKey(c) === selected);
  // The server to work with: the chosen one, the typed URL once accepted, or the launcher's base for the
  // chosen launch type (smart-launcher-v2 puts the launch options in the FHIR base: src/core/smart/launcher.ts).
  const launcherBase =
    choice?.kind === 'launcher' ? launcherStandaloneBase(choice.url, { type: launchType }) : undefined;
  const server =
    choice?.kind === 'typed'
      ? typedServer
        ? { kind: 'open' as const, url: typedServer }
        : undefined
      : choice?.kind === 'launcher'
        ? launcherBase
          ? { kind: 'smart' as const, url: launcherBase }
          : undefined
        : choice;

  // The server check runs again only when the chosen address changes (the server object is rebuilt every render).
  const serverUrl = server?.url;
  useEffect(() => {
    setSearch({ state: 'idle' });
    if (!serverUrl) {
      setCheck({ state: 'idle' });
      return;
    }
    let current = true;
    setCheck({ state: 'checking' });
    void checkServer(httpFor(serverUrl)).then((report) => {
      if (current) setCheck({ state: 'done', report });
    });
    return () => {
      current = false;
    };
  }, [serverUrl, httpFor]);

  if (!allowList.standalone.enabled || choices.length === 0) {
    return (
      <section aria-labelledby="standalone-title">
        <h1 id="standalone-title">{T.title}</h1>
        <p>{T.disabled}</p>
      </section>
    );
  }

  const acceptTyped = (e: Event) => {
    e.preventDefault();
    const problem = checkIssuerUrl(typed.trim());
    setTypedProblem(problem);
    setTypedServer(problem ? undefined : canonicalIssuer(typed.trim()));
  };

  const runSearch = async (e: Event) => {
    e.preventDefault();
    if (!server || server.kind !== 'open' || !name.trim()) return;
    setSearch({ state: 'searching' });
    const query = new URLSearchParams({ name: name.trim(), _count: '20' }).toString();
    const result = await fetchJson(httpFor(server.url), `Patient?${query}`);
    setSearch(
      result.kind === 'json'
        ? { state: 'done', patients: patientChoices(result.json), more: hasMoreResults(result.json) }
        : { state: 'failed', problem: failureText(result.failure) },
    );
  };

  return (
    <section class="standalone" aria-labelledby="standalone-title">
      <h1 id="standalone-title">{T.title}</h1>
      <p>{T.intro}</p>

      <fieldset>
        <legend>{T.serverLegend}</legend>
        {choices.map((c) => {
          const key = choiceKey(c);
          const id = `server-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
          return (
            <div class="standalone__option" key={key}>
              <input
                type="radio"
                id={id}
                name="server"
                value={key}
                checked={selected === key}
                onChange={() => setSelected(key)}
              />
              <label for={id}>{c.kind === 'typed' ? T.typedOption : T.serverOption(c.name, c.kind, c.url)}</label>
            </div>
          );
        })}
      </fieldset>

      {choice?.kind === 'launcher' && (
        <fieldset class="standalone__launch-type">
          <legend>{T.launchTypeLegend}</legend>
          {LAUNCH_TYPES.map(({ type, label }) => (
            <div class="standalone__option" key={type}>
              <input
                type="radio"
                id={`launch-type-${type}`}
                name="launch-type"
                value={type}
                checked={launchType === type}
                onChange={() => setLaunchType(type)}
              />
              <label for={`launch-type-${type}`}>{label}</label>
            </div>
          ))}
        </fieldset>
      )}

      {choice?.kind === 'typed' && (
        <form onSubmit={acceptTyped} class="standalone__typed">
          <label for="typed-server">{T.typedLabel}</label>
          <input
            id="typed-server"
            type="url"
            inputMode="url"
            value={typed}
            onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
            aria-invalid={typedProblem ? 'true' : 'false'}
            aria-describedby={typedProblem ? 'typed-server-problem' : undefined}
          />
          <button type="submit">{T.useTyped}</button>
          {typedProblem && (
            <p id="typed-server-problem" role="alert">
              {typedProblem}
            </p>
          )}
        </form>
      )}

      <div role="status" aria-live="polite" class="standalone__check">
        {check.state === 'checking' && <p>{T.checking}</p>}
        {check.state === 'done' && (
          <>
            <h2>{T.supportsHeading}</h2>
            <ServerNote report={check.report} />
          </>
        )}
      </div>

      {server?.kind === 'smart' && (
        <p>
          <button type="button" onClick={() => onLaunch({ kind: 'smart', iss: server.url })}>
            {T.signIn(choice?.kind === 'smart' || choice?.kind === 'launcher' ? choice.name : server.url)}
          </button>
        </p>
      )}

      {server?.kind === 'open' && (
        <form onSubmit={runSearch} class="standalone__search" role="search" aria-label={T.searchLabel}>
          <h2>{T.patientHeading}</h2>
          <label for="patient-name">{T.patientName}</label>
          <input
            id="patient-name"
            type="search"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
          <button type="submit" disabled={search.state === 'searching'}>
            {T.search}
          </button>
        </form>
      )}

      {server?.kind === 'open' && (
        <div class="standalone__results" role="status" aria-live="polite" aria-label={T.resultsLabel}>
          {search.state === 'searching' && <p>{T.searching}</p>}
          {search.state === 'failed' && <p>{T.searchFailed(search.problem)}</p>}
          {search.state === 'done' && (
            <>
              <p>
                {search.patients.length === 0 ? T.noPatients : T.patientsFound(search.patients.length, search.more)}
              </p>
              <ul>
                {search.patients.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      onClick={() => onLaunch({ kind: 'open', fhirServiceUrl: server.url, patientId: p.id })}
                    >
                      {T.openPatient(p.name)}
                    </button>{' '}
                    <span>{T.patientDetails(p.birthDate, p.id)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
