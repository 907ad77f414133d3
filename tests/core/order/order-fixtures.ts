/** Plans and conflicts for the order tests, built from the planner and small factories (no copied JSON). */
import type { Conflict, Severity } from '../../../src/core/assess/types.ts';
import type { OrderInput } from '../../../src/core/order/input.ts';
import { planTitration } from '../../../src/core/titration/planner.ts';
import type { TitrationInput, TitrationPlan } from '../../../src/core/titration/types.ts';

export function plan(over: Partial<TitrationInput> = {}): TitrationPlan {
  const r = planTitration({
    startMg: 1.5,
    stepMg: 1.5,
    intervalDays: 7,
    timing: 'bedtime',
    form: { kind: 'liquid', mgPerMl: 1 },
    startDate: '2026-12-01',
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

export function conflict(
  over: { ruleId?: string; severity?: Severity; reference?: string; resourceType?: string; name?: string } = {},
): Conflict {
  const resourceType = over.resourceType ?? 'MedicationRequest';
  return {
    ruleId: over.ruleId ?? 'recent-opioid-use',
    severity: over.severity ?? 'major',
    title: 'Recent opioid use inside the opioid-free window',
    why: 'Naltrexone can precipitate withdrawal within 7-10 days of a short-acting opioid.',
    sources: [
      { label: 'Naltrexone tablets label, Dosage and Administration (DailyMed 2025)', kind: 'label', verified: true },
      { label: 'Patient monograph: 10 days for opioids', kind: 'web', verified: false },
    ],
    entry: {
      resourceType,
      name: over.name ?? 'oxycodone 5 MG Oral Tablet',
      ...(over.reference !== '' ? { reference: over.reference ?? `${resourceType}/opioid-1`, id: 'opioid-1' } : {}),
    },
    matched: { by: 'code', system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7804', term: 'oxycodone' },
    washout: {
      lastUse: '2026-11-25',
      lastUseBasis: 'end of effectivePeriod',
      days: 10,
      endsOn: '2026-12-05',
      rationale: 'Label: 7-10 days after short-acting opioids.',
    },
  };
}

export const UUIDS = [
  '6f1c1d2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f',
  '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
] as const;

export function orderInput(over: Partial<OrderInput> = {}): OrderInput {
  return {
    plan: plan(),
    status: 'draft',
    patient: 'Patient/ldn-fibromyalgia',
    requester: 'Practitioner/dr-1',
    encounter: 'Encounter/enc-1',
    reasons: [{ reference: 'Condition/fm-1', display: 'Fibromyalgia' }],
    now: '2026-11-25T16:00:00Z',
    ids: { order: UUIDS[0] },
    ...over,
  };
}
