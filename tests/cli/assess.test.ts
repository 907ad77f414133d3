/**
 * `npm run assess` (its main in process; once as a real process) on small bundles built from factories, and on bad
 * input.
 * Dimensions: bundle type (collection, searchset with next page, transaction) x output (JSON, --text) x bad input
 * (missing file, not JSON, not a Bundle, bad flag, bad --now).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allergyIntolerance, concept, condition, icd10, medicationRequest, rxnorm } from '../../fixtures/factories.ts';
import { main } from '../../src/entry/cli/assess.ts';
import { asProcess, inProcess } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'assess-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const assessCli = (args: string[]) => inProcess(main, args);

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const fibro = condition({ id: 'c1', patientId: 'p', code: concept([icd10('M79.7', 'Fibromyalgia')]) });
const oxy = medicationRequest({
  id: 'mr1',
  patientId: 'p',
  medication: { concept: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]) },
});
const bundle = (type: string, resources: unknown[], extra: object = {}) => ({
  resourceType: 'Bundle',
  type,
  entry: resources.map((resource) => ({ resource })),
  ...extra,
});

describe('assess CLI', () => {
  it('prints the Assessment as JSON with the top-level fields (collection bundle; as a real process)', async () => {
    const r = await asProcess('assess', [
      write('fibro.json', bundle('collection', [{ resourceType: 'Patient', id: 'p' }, fibro])),
      '--now',
      '2026-03-15',
    ]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ verdict: 'candidate', complete: true, gaps: [], conflicts: [] });
    expect(a.candidacy[0].indicationId).toBe('fibromyalgia');
    expect(a.assessedAt).toBe('2026-03-15T12:00:00.000Z');
  }, 60_000);

  it('--text prints a short human summary', async () => {
    const r = await assessCli([
      write('oxy.json', bundle('transaction', [fibro, oxy])),
      '--now',
      '2026-03-15',
      '--text',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Verdict: not-recommended/);
    expect(r.stdout).toContain('[contraindicated] Current opioid agonist');
  });

  it('--text gives each finding its why and sources, and names the kinds of data not in the chart', async () => {
    const allergy = allergyIntolerance({ id: 'a1', patientId: 'p', code: concept([rxnorm('7243', 'Naltrexone')]) });
    const r = await assessCli([
      write('allergy.json', bundle('collection', [{ resourceType: 'Patient', id: 'p' }, fibro, allergy])),
      '--now',
      '2026-03-15',
      '--text',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[contraindicated] Naltrexone allergy or hypersensitivity');
    expect(r.stdout).toMatch(/why: The naltrexone label contraindicates it/);
    expect(r.stdout).toMatch(/source: Naltrexone hydrochloride tablets label .*Contraindications/);
    expect(r.stdout).toContain('  - planned procedures not checked');
    expect(r.stdout).toContain('  - medication orders not checked');
    expect(r.stdout).not.toContain('allergies not checked');
  });

  it('--text on a bundle without allergies says "allergies not checked"; the verdict names the opioid-free date', async () => {
    const stopped = medicationRequest({
      id: 'mr2',
      patientId: 'p',
      status: 'stopped',
      authoredOn: '2026-03-12',
      medication: { concept: concept([rxnorm('1049621')]) },
    });
    const r = await assessCli([
      write('stopped.json', bundle('collection', [fibro, stopped])),
      '--now',
      '2026-03-15',
      '--text',
    ]);
    expect(r.stdout).toContain('  - allergies not checked');
    expect(r.stdout).toContain('not before 22 Mar 2026');
    expect(r.stdout).toContain('last use 12 Mar 2026');
  });

  it('a searchset with a next page is incomplete (exit 0), a malformed resource is a gap', async () => {
    const broken = { resourceType: 'MedicationRequest', id: 'bad', status: 42 };
    const r = await assessCli([
      write('paged.json', bundle('searchset', [fibro, broken], { link: [{ relation: 'next', url: 'http://x/next' }] })),
      '--now',
      '2026-03-15',
    ]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.verdict).toBe('incomplete');
    expect(a.verdictIfComplete).toBe('candidate');
    expect(a.gaps.map((g: { reason: string }) => g.reason).sort()).toEqual(['malformed', 'truncated']);
  });

  it.each([
    ['a missing file', [join(dir, 'nope.json')], /cannot read .*nope\.json: no such file/],
    ['not JSON', [write('bad.json', '{oops')], /bad\.json is not valid JSON/],
    ['not a Bundle', [write('patient.json', { resourceType: 'Patient', id: 'p' })], /is a Patient, not a FHIR Bundle/],
    ['an unknown flag', [write('ok.json', bundle('collection', [])), '--bogus'], /Unknown option/],
    ['a bad --now', [write('ok2.json', bundle('collection', [])), '--now', '15/03/2026'], /--now must be a date/],
    ['no file', [], /usage: npm run assess/],
  ])('%s: one clear line on stderr, exit 2, no stack trace', async (_n, args, message) => {
    const r = await assessCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('assess CLI on the sandbox synthetic patients', () => {
  it('gives the expected verdict for a candidate, a washout and a cautions patient', async () => {
    const { syntheticPatients } = await import('../../fixtures/patients.ts');
    const now = new Date('2026-03-15T12:00:00Z');
    const picked = syntheticPatients(now).filter((p) =>
      ['ldn-fibromyalgia', 'ldn-ms-tramadol-stopped', 'ldn-hashimoto-levothyroxine'].includes(p.key),
    );
    expect(picked).toHaveLength(3);
    const results = await Promise.all(
      picked.map(async (p) => {
        const file = write(`${p.key}.json`, {
          resourceType: 'Bundle',
          type: 'searchset',
          entry: [p.patient, ...p.resources].map((resource) => ({ resource })),
        });
        const r = await assessCli([file, '--now', '2026-03-15']);
        return { key: p.key, code: r.code, verdict: r.code === 0 ? JSON.parse(r.stdout).verdict : r.stderr };
      }),
    );
    expect(results).toEqual(picked.map((p) => ({ key: p.key, code: 0, verdict: p.expected.verdict })));
  });
});

describe('assess CLI on the second-pass patients (ldn-clinical.md 2b)', () => {
  it('gives each its expected verdict through the command line', async () => {
    const { syntheticPatients } = await import('../../fixtures/patients.ts');
    const { isSafetyPatient } = await import('../../fixtures/patients-safety.ts');
    const picked = syntheticPatients(new Date('2026-03-15T12:00:00Z')).filter((p) => isSafetyPatient(p.key));
    expect(picked.length).toBeGreaterThanOrEqual(10);
    const results: { key: string; verdict: string }[] = [];
    for (const p of picked) {
      const file = write(`${p.key}.json`, {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [p.patient, ...p.resources].map((resource) => ({ resource })),
      });
      const r = await assessCli([file, '--now', '2026-03-15']);
      results.push({ key: p.key, verdict: r.code === 0 ? JSON.parse(r.stdout).verdict : r.stderr });
    }
    expect(results).toEqual(picked.map((p) => ({ key: p.key, verdict: p.expected.verdict })));
  });
});
