/**
 * The opioid and antagonist records of the whole chart, however old, with the days each covers: what the timeline
 * draws beside the findings. Read by the core's own matcher and timing (the same ingredient roles and last-use
 * dates the rules use), so the timeline never classifies a medication by its name. A combination with an opioid is
 * an opioid use (Embeda: morphine with naltrexone; Suboxone: buprenorphine with naloxone), as for the rules.
 */
import type { Chart } from '../chart.ts';
import { dayOf } from '../fhir/dates.ts';
import { readMedicationEntries } from '../fhir/medication-entries.ts';
import { INGREDIENT_BY_ID, type IngredientRole } from '../knowledge/ingredients.ts';

/** One opioid or antagonist record of the whole chart, with the days it covers (for the timeline). */
export interface MedUse {
  reference?: string;
  name: string;
  /** Opioid wins for combinations (Embeda: morphine with naltrexone is an opioid). */
  kind: 'opioid' | 'antagonist';
  /** Names of the ingredients that made it so, e.g. ["oxycodone"]. */
  ingredients: string[];
  /** First charted day (day number), when dated. */
  firstDay?: number;
  /** Last day of use the core worked out (end of a dispense's days' supply, of a period...), when known. */
  lastDay?: number;
  current: boolean;
}

const OPIOID_ROLES: ReadonlySet<IngredientRole> = new Set<IngredientRole>([
  'opioid-agonist',
  'opioid-partial-agonist',
  'opioid-mixed',
  'kratom',
]);
const ANTAGONIST_ROLES: ReadonlySet<IngredientRole> = new Set<IngredientRole>([
  'naltrexone',
  'samidorphan',
  'rescue-antagonist',
]);

/**
 * The opioid and antagonist records, read by the core's own matcher and timing (the same ingredient roles and
 * last-use dates the rules use), never by guessing from names here.
 */
export function medicationUses(chart: Chart, today: number): MedUse[] {
  const out: MedUse[] = [];
  // Only records that name an ingredient can be opioid or antagonist uses: no entry is built for the others.
  for (const e of readMedicationEntries(chart, today, true).entries) {
    const ingredients = [...e.matches.keys()].map((id) => INGREDIENT_BY_ID.get(id)).filter((i) => i !== undefined);
    const opioids = ingredients.filter((i) => OPIOID_ROLES.has(i.role));
    const antagonists = ingredients.filter((i) => ANTAGONIST_ROLES.has(i.role));
    const kind = opioids.length ? 'opioid' : antagonists.length ? 'antagonist' : undefined;
    if (!kind || e.timing.state === 'never') continue;
    const entry = e.entry;
    const days = (entry.dates ?? []).map((d) => dayOf(d.value, 'start')).filter((d): d is number => d !== undefined);
    const firstDay = days.length ? Math.min(...days) : undefined;
    out.push({
      ...(entry.reference ? { reference: entry.reference } : {}),
      name: entry.name,
      kind,
      ingredients: (kind === 'opioid' ? opioids : antagonists).map((i) => i.name),
      ...(firstDay !== undefined ? { firstDay } : {}),
      ...(e.timing.lastUse !== undefined ? { lastDay: e.timing.lastUse } : {}),
      current: e.timing.state === 'current',
    });
  }
  return out;
}
