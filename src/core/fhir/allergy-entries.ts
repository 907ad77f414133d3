/**
 * Reads each AllergyIntolerance into an AllergyEntry: the rule-relevant substances it names (the medication matcher:
 * RxNorm ingredient, PIN or product codes, brand and ingredient names) and whether it counts. It counts unless its
 * clinical status is inactive or resolved or its verification status is refuted or entered-in-error (ldn-clinical.md
 * 2b); a missing status counts (fail safe). An allergy with neither a code nor text is a gap: it could be anything.
 */
import type { ChartEntry } from '../assess/types.ts';
import { readGap, type ReadGap } from '../chart.ts';
import { readConcept, type IngredientMatches } from '../match/medication.ts';
import { arr, conceptCode, isRecord, str, type Rec } from './read.ts';

/** One counting allergy as the rules see it. */
export interface AllergyEntry {
  entry: ChartEntry;
  matches: IngredientMatches;
}

const NOT_CLINICAL = new Set(['inactive', 'resolved']);
const NOT_VERIFIED = new Set(['refuted', 'entered-in-error']);

function entryOf(r: Rec, name: string, status: string): ChartEntry {
  const id = str(r.id);
  const dates: { label: string; value: string }[] = [];
  for (const f of ['onsetDateTime', 'recordedDate', 'lastOccurrence']) {
    const v = str(r[f]);
    if (v) dates.push({ label: f, value: v });
  }
  return {
    resourceType: 'AllergyIntolerance',
    ...(id ? { id, reference: `AllergyIntolerance/${id}` } : {}),
    name,
    ...(status ? { status } : {}),
    ...(dates.length ? { dates } : {}),
  };
}

/** The counting allergies of the chart, plus gaps for malformed or unreadable ones. */
export function readAllergyEntries(allergies: readonly unknown[]): { entries: AllergyEntry[]; gaps: ReadGap[] } {
  const entries: AllergyEntry[] = [];
  const gaps: ReadGap[] = [];
  for (const raw of arr(allergies)) {
    if (!isRecord(raw)) {
      gaps.push(readGap('AllergyIntolerance', 'malformed', { what: 'entry-not-object' }));
      continue;
    }
    const clinical = conceptCode(raw.clinicalStatus);
    const verification = conceptCode(raw.verificationStatus);
    if ((clinical && NOT_CLINICAL.has(clinical)) || (verification && NOT_VERIFIED.has(verification))) continue;
    const matches: IngredientMatches = new Map();
    const code = readConcept(raw.code, 'code', matches);
    // Reaction substances name the allergen too (US Core allows the code there).
    arr(raw.reaction).forEach((rx, i) => {
      if (isRecord(rx)) readConcept(rx.substance, `reaction[${i}].substance`, matches);
    });
    const hasAnything =
      isRecord(raw.code) &&
      (str(raw.code.text) !== undefined ||
        arr(raw.code.coding).some((c) => isRecord(c) && (str(c.code) || str(c.display))));
    if (!hasAnything) {
      const id = str(raw.id);
      const target = id ? `AllergyIntolerance/${id}` : undefined;
      gaps.push(readGap('AllergyIntolerance', 'malformed', { what: 'allergy-no-substance' }, target));
      continue;
    }
    if (matches.size === 0) continue;
    const status = clinical && verification ? `${clinical}, ${verification}` : (clinical ?? verification ?? '');
    entries.push({ entry: entryOf(raw, code.name ?? 'Unnamed allergy', status), matches });
  }
  return { entries, gaps };
}
