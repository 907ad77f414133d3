/**
 * assess(): verdicts, completeness, ordering, summary and candidacy. Dimensions: findings (none, info, caution,
 * major, contraindicated) x indication (supported, unsupported, none) x gaps (none, chart gap, unreadable).
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/core/assess/index.ts';
import { concept, condition, icd10, snomed } from '../../../fixtures/factories.ts';
import { chartOf, NOW, orderText, P, run } from '../rules/helpers.ts';
import { readGap } from '../../../src/core/chart.ts';

const fibro = condition({ patientId: P, code: concept([icd10('M79.7', 'Fibromyalgia')]) });
const hashimoto = condition({ patientId: P, code: concept([snomed('21983002')], "Hashimoto's thyroiditis") });
const sibo = condition({ patientId: P, code: concept([], 'Small intestinal bacterial overgrowth') });
const pregnancy = condition({ patientId: P, code: concept([snomed('72892002')]) });

describe('verdict', () => {
  it.each([
    ['indication, no findings', [fibro], 'candidate'],
    ['indication + info (rescue naloxone)', [fibro, orderText('naloxone 4 mg nasal spray')], 'candidate'],
    ['indication + caution (pregnancy)', [fibro, pregnancy], 'candidate-with-cautions'],
    ['indication + major (Vivitrol)', [fibro, orderText('Vivitrol 380 mg')], 'not-recommended'],
    ['indication + contraindicated (oxycodone)', [fibro, orderText('oxycodone 5 mg')], 'not-recommended'],
    ['no indication, no findings', [], 'no-indication'],
    ['no indication + caution', [pregnancy], 'no-indication'],
    ['no indication + contraindicated', [orderText('tramadol 50 mg')], 'not-recommended'],
    ["Hashimoto's alone (no supportive evidence)", [hashimoto], 'no-indication'],
    ['SIBO alone (UNVERIFIED)', [sibo], 'no-indication'],
  ] as const)('%s -> %s', (_n, resources, verdict) => {
    const a = run(...resources);
    expect(a.verdict).toBe(verdict);
    expect(a.verdictIfComplete).toBe(verdict);
    expect(a.complete).toBe(true);
  });
});

describe('completeness (fail safe)', () => {
  it('any chart gap makes the verdict incomplete, keeping verdictIfComplete', () => {
    const chart = chartOf(fibro);
    chart.gaps.push(
      readGap('MedicationStatement', 'refused', { what: 'search-failed', answer: 'status', status: 403 }),
    );
    const a = assess(chart, NOW);
    expect(a).toMatchObject({ verdict: 'incomplete', verdictIfComplete: 'candidate', complete: false });
    expect(a.gaps).toHaveLength(1);
    expect(a.summary).toMatch(/^Incomplete/);
  });

  it('never says "no conflicts" on partial data', () => {
    const chart = chartOf(fibro);
    chart.gaps.push(readGap('MedicationRequest', 'truncated', { what: 'next-link', link: 'invalid' }));
    expect(assess(chart, NOW).summary).not.toMatch(/no conflicts/);
  });
});

describe('result shape', () => {
  it('sorts conflicts by severity, contraindicated first', () => {
    const a = run(
      fibro,
      pregnancy,
      orderText('naloxone nasal spray'),
      orderText('Vivitrol 380 mg'),
      orderText('oxycodone 5 mg'),
    );
    expect(a.conflicts.map((c) => c.severity)).toEqual(['contraindicated', 'major', 'caution', 'info']);
  });

  it('candidacy carries the indication, evidence level, references and the Condition', () => {
    const [c] = run(fibro).candidacy;
    expect(c).toMatchObject({
      indicationId: 'fibromyalgia',
      evidenceLevel: 'Small RCTs, conflicting',
      condition: { resourceType: 'Condition', name: 'Fibromyalgia' },
    });
    expect(c?.sources.map((s) => s.id)).toEqual(['19453963', '10.1002/art.37734', 'NCT04270877']);
  });

  it('SIBO is listed with its UNVERIFIED evidence and supportsCandidacy false', () => {
    const [c] = run(sibo).candidacy;
    expect(c).toMatchObject({ indicationId: 'sibo', evidenceLevel: 'UNVERIFIED', supportsCandidacy: false });
    expect(c?.sources.every((s) => s.verified === false)).toBe(true);
  });

  it('has one summary sentence and the assessment time', () => {
    const a = run(fibro, orderText('oxycodone'));
    expect(a.summary.split('. ').length).toBe(1);
    expect(a.assessedAt).toBe('2026-03-15T12:00:00.000Z');
  });

  it('accepts now as a Date or string and rejects an invalid one (a caller bug)', () => {
    expect(assess(chartOf(fibro), new Date('2026-03-15')).verdict).toBe('candidate');
    expect(() => assess(chartOf(fibro), 'not a date')).toThrow(RangeError);
  });

  it('a Condition with neither code nor text is a gap (it could be pregnancy or liver failure)', () => {
    const c = { ...condition({ id: 'c-empty', patientId: P, code: concept([]) }) };
    const a = run(fibro, c);
    expect(a.verdict).toBe('incomplete');
    expect(a.gaps[0]).toMatchObject({ resourceType: 'Condition', reason: 'malformed', target: 'Condition/c-empty' });
  });
});

describe('candidacy per indication (ldn-clinical.md section 1)', () => {
  it.each([
    ['fibromyalgia', concept([snomed('95417003')]), true],
    ['crohns', concept([icd10('K50.012')]), true],
    ['multiple-sclerosis', concept([snomed('24700007')]), true],
    ['crps', concept([icd10('G90.512')]), true],
    ['long-covid', concept([icd10('U09.9')]), true],
    ['me-cfs', concept([snomed('52702003')]), true],
    ['painful-diabetic-neuropathy', concept([icd10('E11.42')]), true],
    ['psoriasis', concept([icd10('L40.0')]), true],
    ['hashimoto', concept([snomed('21983002')]), false],
    ['sibo', concept([], 'SIBO'), false],
    ['ibd-unspecified', concept([], 'Inflammatory bowel disease'), false],
  ])('%s (supports a candidate verdict: %s)', (id, code, supports) => {
    const a = run(condition({ patientId: P, code }));
    expect(a.candidacy.map((c) => c.indicationId)).toEqual([id]);
    expect(a.verdict).toBe(supports ? 'candidate' : 'no-indication');
    expect(a.candidacy[0]?.sources.length).toBeGreaterThan(0);
  });
});

describe('candidacy grouped per indication (issue 14 item 1)', () => {
  it('gives one Candidacy per indication, the first Condition deciding and every Condition listed', () => {
    const fibroA = condition({ id: 'fa', patientId: P, code: concept([icd10('M79.7', 'Fibromyalgia')]) });
    const crohn = condition({ id: 'cr', patientId: P, code: concept([icd10('K50.90')], "Crohn's disease") });
    const fibroB = condition({ id: 'fb', patientId: P, code: concept([snomed('203082005', 'Fibromyalgia')]) });
    const resolved = condition({
      id: 'fr',
      patientId: P,
      code: concept([icd10('M79.7', 'Fibromyalgia')]),
      clinicalStatus: 'resolved',
    });
    const a = run(fibroA, crohn, fibroB, resolved);
    expect(a.candidacy.map((c) => c.indicationId)).toEqual(['fibromyalgia', 'crohns']);
    const [fib, cd] = a.candidacy;
    expect(fib?.condition.reference).toBe('Condition/fa');
    expect(fib?.matched).toMatchObject({ by: 'code', code: 'M79.7' });
    expect(fib?.conditions?.map((e) => e.reference)).toEqual(['Condition/fa', 'Condition/fb']);
    expect(cd?.conditions).toBeUndefined();
  });
});
