/**
 * The problem wording (src/ui/strings-problems.ts): the allow-list's problems read as before they became codes,
 * one line per field naming the file, and the URL faults say what the string checks say.
 */
import { describe, expect, it } from 'vitest';
import { parseAllowList } from '../../src/core/smart/allow-list.ts';
import { checkIssuerUrl } from '../../src/ui/strings-url.ts';
import { describeProblem } from '../../src/ui/strings-problems.ts';
import { failureFromRedirect } from '../../src/edge/smart/launch-failure.ts';
import { launchPageFailure } from '../../src/edge/smart/launch-plan.ts';
import { APP_FAILURE_TEXTS } from '../../src/ui/pages/app-failure-texts.ts';
import { LAUNCH_FAILURE_TEXTS } from '../../src/ui/pages/launch-failure-texts.ts';
import { describeReadGap } from '../../src/ui/strings-read.ts';
import { bundleToChart } from '../../src/core/fhir/bundle-to-chart.ts';
import { readAllergyEntries } from '../../src/core/fhir/allergy-entries.ts';

const FILE = 'smart-clients.json';
const lines = (json: unknown): string[] => {
  const parsed = parseAllowList(json, FILE);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.error.map(describeProblem);
};

describe('describeProblem: the allow-list', () => {
  it('words the root, unknown fields, a duplicate, a prefix without "/", a standalone prefix and a bad URL', () => {
    expect(lines([])).toEqual([`${FILE}: (root) must be a JSON object with a "clients" array`]);
    const entry = { name: 'A', clientId: 'c', scopeVersion: 'v2' };
    expect(
      lines({
        extra: 1,
        clients: [
          { ...entry, iss: 'https://a.example/fhir' },
          { ...entry, iss: 'https://a.example/fhir/' },
          { ...entry, issPrefix: 'https://t.example', standalone: true },
          { ...entry, iss: 'http://b.example/fhir', reads: 'fast' },
        ],
        standalone: { enabled: 'yes', openServers: {} },
      }),
    ).toEqual([
      `${FILE}: extra unknown field`,
      `${FILE}: clients[1].iss duplicates clients[0]`,
      `${FILE}: clients[2].issPrefix must end with "/" so it cannot match a look-alike host`,
      `${FILE}: clients[2].standalone a standalone entry needs an exact "iss" or a "smartLauncher" (a prefix names no server to offer)`,
      `${FILE}: clients[3].reads must be "parallel" or "batch"`,
      `${FILE}: clients[3].iss ${checkIssuerUrl('http://b.example/fhir')}`,
      `${FILE}: standalone.enabled must be true or false`,
      `${FILE}: standalone.openServers must be an array`,
    ]);
  });

  it('says what the issuer check says for every URL fault', () => {
    for (const iss of [
      'https://a.example/x/../y',
      'https://a.example/f?x=1',
      'not a url',
      'https://a.example/%2e%2e',
    ]) {
      const [line] = lines({ clients: [{ name: 'A', clientId: 'c', scopeVersion: 'v2', iss }] });
      expect(line).toBe(`${FILE}: clients[0].iss ${checkIssuerUrl(iss)}`);
      expect(checkIssuerUrl(iss)).toContain(iss);
    }
  });
});

describe('describeReadGap: what the core found unreadable in a Bundle', () => {
  it('words each skipped or unreadable entry as the technical detail, naming the record, never guessing', () => {
    const read = bundleToChart({
      resourceType: 'Bundle',
      type: 'searchset',
      link: [{ relation: 'next', url: 'https://ehr.example.org/fhir/Condition?page=2' }],
      entry: [
        { fullUrl: 'https://ehr.example.org/fhir/Condition/c1' },
        { resource: 'not a resource' },
        { resource: { resourceType: 'Condition', id: 'c2', code: 'fibromyalgia' } },
        { resource: { resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/p1' } } },
      ],
    });
    if (!read.ok) throw new Error(read.error.code);
    const allergies = readAllergyEntries(read.value.allergies);
    expect([...read.value.gaps, ...allergies.gaps].map(describeReadGap)).toEqual([
      'Bundle entry 1 has no readable resource (type unknown).',
      'Condition/c2 was skipped: code is not an object.',
      'The search result has further pages that are not in this file.',
      'AllergyIntolerance/a1 names no substance (neither code nor text), so it could not be checked.',
    ]);
  });
});

describe('describeProblem: launch failures', () => {
  it('says what the failure page says happened, for the app page and the launch page alike', () => {
    const denied = failureFromRedirect(new URLSearchParams('error=access_denied'))!;
    expect(describeProblem(denied)).toBe(APP_FAILURE_TEXTS['access-denied'].what);
    expect(describeProblem(launchPageFailure('pkce-unsupported', 'https://ehr.example.org/fhir'))).toBe(
      LAUNCH_FAILURE_TEXTS['pkce-unsupported'].what,
    );
  });
});
