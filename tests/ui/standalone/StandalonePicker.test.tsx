// @vitest-environment happy-dom
/**
 * The standalone tester picker: server choice from the allow-list, the server note from the check-server
 * evaluation, typed open servers (validated), patient search by name with results as text, and the launch target.
 * MSW plays the servers.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { patient } from '../../../fixtures/factories.ts';
import type { AllowList } from '../../../src/core/smart/allow-list.ts';
import type { StandaloneTarget } from '../../../src/edge/types.ts';
import { StandalonePicker } from '../../../src/ui/standalone/StandalonePicker.tsx';
import { T } from '../../../src/ui/strings-standalone.ts';
import { capabilityStatement, searchset, smartConfiguration } from '../../core/server/server-fixtures.ts';

const SMART = 'https://smart.test/fhir';
const OPEN = 'https://open.test/fhir';
const TYPED = 'https://typed.test/r4';
const LAUNCHER = 'https://launcher.test';
const launcherSeen: string[] = [];

const patients = [
  patient({ id: 'p1', given: 'Maria', family: 'Lindqvist', birthDate: '1978-04-12' }),
  patient({ id: 'p2', given: '<img src=x onerror=alert(1)>', family: 'Evil', birthDate: '1990-01-01' }),
];
let lastSearch: URLSearchParams | undefined;

const server = setupServer(
  http.get(`${SMART}/.well-known/smart-configuration`, () => HttpResponse.json(smartConfiguration(SMART))),
  http.get(`${SMART}/metadata`, () => HttpResponse.json(capabilityStatement())),
  http.get(`${SMART}/Patient`, () => new HttpResponse(null, { status: 401 })),
  // The server check's batch probe (one search POSTed to the base): refused without a token here.
  http.post(SMART, () => new HttpResponse(null, { status: 401 })),
  // ...and its identifier probe.
  http.get(`${SMART}/MedicationRequest`, () => new HttpResponse(null, { status: 401 })),
  http.post(
    /^https:\/\/launcher\.test\/v\/r4\/sim\/[A-Za-z0-9_-]+\/fhir$/,
    () => new HttpResponse(null, { status: 401 }),
  ),
  // smart-launcher-v2's per-option standalone bases: /v/r4/sim/<options>/fhir
  http.get(/^https:\/\/launcher\.test\/v\/r4\/sim\/[A-Za-z0-9_-]+\/fhir\//, ({ request }) => {
    const url = new URL(request.url);
    launcherSeen.push(url.pathname);
    const base = url.href.replace(/\/fhir\/.*$/, '/fhir');
    if (url.pathname.endsWith('/.well-known/smart-configuration')) return HttpResponse.json(smartConfiguration(base));
    if (url.pathname.endsWith('/metadata')) return HttpResponse.json(capabilityStatement());
    return new HttpResponse(null, { status: 401 });
  }),
  ...[OPEN, TYPED].flatMap((base) => [
    http.get(`${base}/.well-known/smart-configuration`, () => new HttpResponse(null, { status: 404 })),
    // An open server filters by identifier (the probe finds nothing) and answers the batch probe.
    http.get(`${base}/MedicationRequest`, () => HttpResponse.json(searchset())),
    // An open server answers the batch probe as a batch-response.
    http.post(base, () =>
      HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry: [{ response: { status: '200' } }] }),
    ),
    http.get(`${base}/metadata`, () =>
      HttpResponse.json(capabilityStatement(base === TYPED ? { withoutCreate: ['MedicationRequest'] } : {})),
    ),
    http.get(`${base}/Patient`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      if (!params.has('name')) return HttpResponse.json(searchset());
      lastSearch = params;
      if (params.get('name') === 'boom') return new HttpResponse('oops', { status: 500, statusText: 'Server Error' });
      const entry = patients
        .filter((p) =>
          JSON.stringify(p.name)
            .toLowerCase()
            .includes((params.get('name') ?? '').toLowerCase()),
        )
        .map((resource) => ({ resource }));
      return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry, link: [] });
    }),
  ]),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  lastSearch = undefined;
});
afterAll(() => server.close());

function list(over: Partial<AllowList['standalone']> = {}, clients: AllowList['clients'] = []): AllowList {
  return {
    clients: [
      { name: 'Sandbox SMART', iss: SMART, clientId: 'c', scopeVersion: 'v2', standalone: true },
      { name: 'EHR only', iss: 'https://ehr-only.test/fhir', clientId: 'd', scopeVersion: 'v1' },
      ...clients,
    ],
    standalone: {
      enabled: true,
      openServers: [{ name: 'Open sandbox', fhirServiceUrl: OPEN }],
      allowTypedOpenServer: false,
      ...over,
    },
  };
}

function setup(allowList = list()) {
  const onLaunch = vi.fn<(t: StandaloneTarget) => void>();
  render(<StandalonePicker allowList={allowList} onLaunch={onLaunch} />);
  return onLaunch;
}

describe('StandalonePicker', () => {
  it('offers the standalone SMART servers and open servers, not EHR-only entries', () => {
    setup();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      `Sandbox SMART (SMART sign-in): ${SMART}`,
      `Open sandbox (open, no sign-in): ${OPEN}`,
    ]);
    expect(screen.queryByText(/EHR only/)).toBeNull();
  });

  it('for a SMART server shows the server note, then launches with its iss', async () => {
    const onLaunch = setup();
    await screen.findByText(T.verdict.full);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in at Sandbox SMART' }));
    expect(onLaunch).toHaveBeenCalledWith({ kind: 'smart', iss: SMART });
  });

  it('for an open server searches patients by name (with _count) and launches with the chosen id', async () => {
    const onLaunch = setup();
    fireEvent.click(screen.getByLabelText(/Open sandbox/));
    await screen.findByText(/Everything works here/);
    fireEvent.input(screen.getByLabelText(T.patientName), { target: { value: 'lindqvist' } });
    fireEvent.click(screen.getByRole('button', { name: T.search }));
    await screen.findByText('1 patient found.');
    expect(lastSearch?.get('_count')).toBe('20');
    expect(screen.getByText('born 1978-04-12, id p1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Maria Lindqvist' }));
    expect(onLaunch).toHaveBeenCalledWith({ kind: 'open', fhirServiceUrl: OPEN, patientId: 'p1' });
  });

  it('renders patient names from the server as text, never as HTML', async () => {
    const { container } = render(<StandalonePicker allowList={list()} onLaunch={() => {}} />);
    fireEvent.click(screen.getByLabelText(/Open sandbox/));
    fireEvent.input(screen.getByLabelText(T.patientName), { target: { value: 'evil' } });
    fireEvent.click(screen.getByRole('button', { name: T.search }));
    await screen.findByText('1 patient found.');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open <img src=x onerror=alert(1)> Evil' })).toBeTruthy();
  });

  it('announces results in a live region, and says so when nothing matches or the search fails', async () => {
    setup();
    fireEvent.click(screen.getByLabelText(/Open sandbox/));
    const region = screen.getByRole('status', { name: T.resultsLabel });
    expect(region.getAttribute('aria-live')).toBe('polite');
    fireEvent.input(screen.getByLabelText(T.patientName), { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: T.search }));
    await screen.findByText(T.noPatients);
    fireEvent.input(screen.getByLabelText(T.patientName), { target: { value: 'boom' } });
    fireEvent.click(screen.getByRole('button', { name: T.search }));
    await screen.findByText('Search failed: HTTP 500 Server Error');
  });

  it('a typed open server URL is validated, checked and searchable when the list allows it', async () => {
    const onLaunch = setup(list({ allowTypedOpenServer: true }));
    fireEvent.click(screen.getByLabelText(T.typedOption));
    const input = screen.getByLabelText(T.typedLabel);
    fireEvent.input(input, { target: { value: 'http://typed.test/r4' } });
    fireEvent.click(screen.getByRole('button', { name: T.useTyped }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/must use https/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: `${TYPED}/` } });
    fireEvent.click(screen.getByRole('button', { name: T.useTyped }));
    await screen.findByText(T.undeclaredWrite);
    expect(
      screen.getByText('create MedicationRequest: not declared (may still work; the app will try and fall back)'),
    ).toBeTruthy();
    fireEvent.input(screen.getByLabelText(T.patientName), { target: { value: 'maria' } });
    fireEvent.click(screen.getByRole('button', { name: T.search }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open Maria Lindqvist' }));
    expect(onLaunch).toHaveBeenCalledWith({ kind: 'open', fhirServiceUrl: TYPED, patientId: 'p1' });
  });

  it('a SMART launcher entry offers patient and provider standalone and launches with the base built for each', async () => {
    const onLaunch = setup(
      list({}, [
        { name: 'SMART launcher', smartLauncher: LAUNCHER, clientId: 'l', scopeVersion: 'v2', standalone: true },
      ]),
    );
    fireEvent.click(screen.getByLabelText(/SMART launcher \(SMART launcher\)/));
    const types = screen
      .getAllByRole('radio', { name: /standalone/ })
      .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent);
    expect(types).toEqual([T.launchType['patient-standalone'], T.launchType['provider-standalone']]);
    await screen.findByText(/Everything works here/);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in at SMART launcher' }));
    fireEvent.click(screen.getByLabelText(/Provider standalone/));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in at SMART launcher' }));
    const isses = onLaunch.mock.calls.map(([t]) => (t.kind === 'smart' ? t.iss : ''));
    const decoded = isses.map(
      (iss) =>
        JSON.parse(Buffer.from(/\/sim\/([^/]+)\/fhir$/.exec(iss)?.[1] ?? '', 'base64url').toString()) as unknown[],
    );
    expect(isses.every((iss) => iss.startsWith(`${LAUNCHER}/v/r4/sim/`) && iss.endsWith('/fhir'))).toBe(true);
    expect(decoded.map((d) => d[0])).toEqual([3, 2]);
    expect(launcherSeen.some((p) => p.endsWith('/metadata'))).toBe(true);
  });

  it('no typed server option unless the list allows it', () => {
    setup();
    expect(screen.queryByLabelText(/Another open FHIR server/)).toBeNull();
  });

  it('an unreachable server gets a "cannot be used" note with the reason', async () => {
    server.use(http.get(`${SMART}/*`, () => HttpResponse.error()));
    setup();
    await screen.findByText(T.verdict['not usable']);
    expect(screen.getAllByText(/metadata: network error/).length).toBeGreaterThan(0);
  });

  it('says the flow is off when the deployment disables it', () => {
    setup(list({ enabled: false }));
    expect(screen.getByText(/not enabled for this deployment/)).toBeTruthy();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
  });
});
