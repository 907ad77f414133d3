/**
 * The assess command's JSON (in process): each source written once in the `sources` table, every candidacy and
 * finding citing it by id, and nothing else of the Assessment changed.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess/index.ts';
import { assessmentJson, jsonReport } from '../../src/entry/cli/assess-json.ts';
import { concept, condition, icd10, medicationRequest, rxnorm } from '../../fixtures/factories.ts';
import { chartOf, NOW, P } from '../core/rules/helpers.ts';

const fibro = (id: string) => condition({ id, patientId: P, code: concept([icd10('M79.7', 'Fibromyalgia')]) });
const oxy = medicationRequest({
  id: 'mr1',
  patientId: P,
  medication: { concept: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]) },
});
const pregnancy = condition({
  id: 'preg',
  patientId: P,
  code: concept([icd10('Z33.1', 'Pregnant state, incidental')]),
});

describe('assess JSON', () => {
  const a = assess(chartOf(fibro('c1'), fibro('c2'), oxy, pregnancy), NOW);
  const json = assessmentJson(a);

  it('lists each source once and resolves every id back to the source the finding cites', () => {
    const labels = Object.values(json.sources).map((s) => JSON.stringify(s));
    expect(new Set(labels).size).toBe(labels.length);
    json.conflicts.forEach((c, i) => expect(c.sources.map((id) => json.sources[id])).toEqual(a.conflicts[i]?.sources));
    json.candidacy.forEach((c, i) => expect(c.sources.map((id) => json.sources[id])).toEqual(a.candidacy[i]?.sources));
    expect(json.conflicts.length).toBeGreaterThan(1);
    const cited = new Set([...json.conflicts, ...json.candidacy].flatMap((c) => c.sources));
    expect([...cited].sort()).toEqual(Object.keys(json.sources).sort());
  });

  it('keeps everything else of the Assessment as it was', () => {
    const strip = <T extends { sources: unknown }>(list: T[]) => list.map(({ sources: _s, ...rest }) => rest);
    expect(strip(json.conflicts)).toEqual(strip(a.conflicts));
    expect(strip(json.candidacy)).toEqual(strip(a.candidacy));
    expect(json.candidacy[0]?.conditions?.map((e) => e.reference)).toEqual(['Condition/c1', 'Condition/c2']);
    const { sources: _t, candidacy: _c, conflicts: _f, ...top } = JSON.parse(jsonReport(a));
    const { candidacy: _c2, conflicts: _f2, ...expected } = a;
    expect(top).toEqual(expected);
  });
});
