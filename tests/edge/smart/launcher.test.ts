/**
 * SMART launcher entries (issue 12 item 1): one `smartLauncher` entry accepts the launcher's R4 EHR base and every
 * per-option standalone base, and nothing else (dot segments, userinfo, host suffix, other paths, other FHIR
 * versions, a "/" smuggled into the options segment). The standalone bases the picker builds decode to the
 * launcher's option array.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIssuer, parseAllowList } from '../../../src/core/smart/allow-list.ts';
import { launcherAcceptsIss, launcherStandaloneBase } from '../../../src/core/smart/launcher.ts';
import { smartAuthorizeOptions } from '../../../src/edge/smart/authorize-options.ts';
import { planLaunch } from '../../../src/edge/smart/launch-plan.ts';
import { allowList, EXACT, PREFIX } from './allow-list-fixtures.ts';

const LAUNCHER = 'https://launch.smarthealthit.org';
const ENTRY = {
  name: 'SMART launcher',
  smartLauncher: LAUNCHER,
  clientId: 'ldn-app',
  scopeVersion: 'v2',
  standalone: true,
};
const list = allowList({ clients: [PREFIX, ENTRY, EXACT], standalone: { enabled: true } });

const decode = (base: string) =>
  JSON.parse(Buffer.from(/\/sim\/([^/]+)\/fhir$/.exec(base)?.[1] ?? '', 'base64url').toString('utf8')) as unknown[];

describe('a smartLauncher entry', () => {
  it('accepts the EHR base and standalone bases with any options, under one entry', () => {
    const patient = launcherStandaloneBase(LAUNCHER, { type: 'patient-standalone' }) ?? '';
    const provider = launcherStandaloneBase(LAUNCHER, { type: 'provider-standalone' }) ?? '';
    const chosen = launcherStandaloneBase(LAUNCHER, { type: 'patient-standalone', patient: 'smart-1032702' }) ?? '';
    for (const iss of [`${LAUNCHER}/v/r4/fhir`, patient, provider, chosen, `${patient}/`])
      expect(findIssuer(list, iss)?.clientId).toBe('ldn-app');
    expect(new Set([patient, provider, chosen]).size).toBe(3);
  });

  it('builds the launcher option arrays (launch type, patient, PKCE auto, public client)', () => {
    expect(decode(launcherStandaloneBase(LAUNCHER, { type: 'patient-standalone' }) ?? '')).toEqual([
      3,
      '',
      '',
      'AUTO',
      0,
      0,
      0,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      0,
      1,
      '',
    ]);
    expect(decode(launcherStandaloneBase(`${LAUNCHER}/`, { type: 'provider-standalone' }) ?? '')).toEqual([
      2,
      '',
      '',
      'AUTO',
      0,
      0,
      0,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      0,
      1,
      '',
    ]);
    expect(decode(launcherStandaloneBase(LAUNCHER, { type: 'patient-standalone', patient: 'p-1.x' }) ?? '')[1]).toBe(
      'p-1.x',
    );
    expect(launcherStandaloneBase(LAUNCHER, { type: 'patient-standalone', patient: 'a/../b' })).toBeUndefined();
  });

  it.each([
    `${LAUNCHER}/v/r4/sim/../../../admin/fhir`,
    `${LAUNCHER}/v/r4/sim/%2e%2e/fhir`,
    `${LAUNCHER}/v/r4/sim/a%2fb/fhir`,
    `${LAUNCHER}/v/r4/sim/a/b/fhir`,
    `${LAUNCHER}/v/r4/sim/abc/fhir/Patient`,
    `${LAUNCHER}/v/r4/sim//fhir`,
    `${LAUNCHER}/v/r3/fhir`,
    `${LAUNCHER}/v/r4/sim/abc/fhir?x=1`,
    `${LAUNCHER}/other/fhir`,
    'https://launch.smarthealthit.org.evil.test/v/r4/fhir',
    'https://user@launch.smarthealthit.org/v/r4/fhir',
    'https://launch.smarthealthit.org@evil.test/v/r4/fhir',
    'http://launch.smarthealthit.org/v/r4/fhir',
    'https://launch.smarthealthit.org:8443/v/r4/fhir',
  ])('refuses %s', (iss) => {
    expect(launcherAcceptsIss(LAUNCHER, iss)).toBe(false);
    expect(findIssuer(list, iss)?.clientId).not.toBe('ldn-app');
  });

  it('any accepted iss resolves, in the browser, to a base of the launcher’s fixed shape (fast-check)', () => {
    const piece = fc.constantFrom(
      'v',
      'r4',
      'sim',
      'fhir',
      'abc',
      'eyJ',
      '/',
      '..',
      '.',
      '%2e',
      '%2f',
      '\\',
      '\t',
      '?',
      '#',
      '@',
      ':443',
      '=',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const iss = `${LAUNCHER}/${parts.join('')}`;
        if (launcherAcceptsIss(LAUNCHER, iss)) {
          expect(new URL(`${iss}/metadata`).href).toMatch(
            /^https:\/\/launch\.smarthealthit\.org\/v\/r4(\/sim\/[A-Za-z0-9_-]+)?\/fhir\/+metadata$/,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a launcher under a path accepts only bases under that path', () => {
    expect(launcherAcceptsIss('http://localhost:8787/launcher', 'http://localhost:8787/launcher/v/r4/fhir')).toBe(true);
    expect(launcherAcceptsIss('http://localhost:8787/launcher', 'http://localhost:8787/v/r4/fhir')).toBe(false);
    expect(launcherAcceptsIss('http://localhost:8787/launcher', 'http://localhost:8787/launcherX/v/r4/fhir')).toBe(
      false,
    );
  });

  it('is offered for standalone launch, and its client id is used by fhirclient for a standalone base', () => {
    const iss = launcherStandaloneBase(LAUNCHER, { type: 'patient-standalone' }) ?? '';
    const plan = planLaunch({
      request: { kind: 'standalone-smart', iss },
      list,
      appRootUrl: 'https://app.example.org/',
      stateKey: 's',
    });
    expect(plan.action).toBe('authorize');
    const options = smartAuthorizeOptions({
      list,
      kind: 'standalone',
      appRootUrl: 'https://app.example.org/',
      stateKey: 's',
    });
    expect(options.find((o) => o.issMatch(iss))?.clientId).toBe('ldn-app');
  });

  it('parses: exactly one of iss / issPrefix / smartLauncher; a bad launcher URL and a duplicate are refused; prefixes still cannot be standalone', () => {
    const parse = (clients: unknown[]) => parseAllowList({ clients }, 'f.json');
    expect(parse([{ ...ENTRY, iss: `${LAUNCHER}/v/r4/fhir` }]).ok).toBe(false);
    expect(parse([{ ...ENTRY, smartLauncher: `${LAUNCHER}/../x` }]).ok).toBe(false);
    expect(parse([ENTRY, { ...ENTRY, smartLauncher: `${LAUNCHER}/` }]).ok).toBe(false);
    expect(parse([{ ...PREFIX, standalone: true }]).ok).toBe(false);
    const ok = parse([{ ...ENTRY, smartLauncher: 'https://Launch.SmartHealthIT.org/' }]);
    expect(ok.ok && ok.value.clients[0]?.smartLauncher).toBe(LAUNCHER);
  });
});
