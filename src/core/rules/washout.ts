/**
 * The opioid-free window after the last known opioid use.
 *
 * Choice (design, documented in every WashoutWindow.rationale):
 * - 10 days after short-acting and other opioids: the upper end of the label's 7-10 days, which is also the patient
 *   monographs' 10 days. The upper end is chosen because a chart rarely shows the true last dose.
 * - 14 days after methadone or buprenorphine (and the long-acting methadone relatives levomethadyl / levomethadone):
 *   patient monographs.
 * Source: shared/research/ldn-clinical.md section 2 ("Opioid-free interval").
 */
import type { WashoutWindow } from '../assess/types.ts';
import { isoDay } from '../fhir/dates.ts';
import { INGREDIENT_BY_ID } from '../knowledge/ingredients.ts';

export const WASHOUT_DAYS = { 'short-acting': 10, 'methadone-or-buprenorphine': 14, 'transdermal-patch': 14 } as const;

const RATIONALE = {
  'short-acting':
    "10 days: the upper end of the naltrexone label's 7-10 days after short-acting opioids (tramadol included), as in patient monographs; the upper end because the chart rarely shows the true last dose.",
  'methadone-or-buprenorphine': '14 days after methadone or buprenorphine, as patient monographs advise.',
  'transdermal-patch':
    '14 days after a transdermal patch is removed: the skin depot keeps releasing the opioid (half-life 13-25 h after removal, PMID 10668859), so the 10 days start late; 14 days as after methadone or buprenorphine (a design choice of this tool).',
} as const;

function classOf(ingredients: Iterable<string>, patch = false): keyof typeof WASHOUT_DAYS {
  if (patch) return 'transdermal-patch';
  // Indexed when it is an array (the rules pass one per record, cold: a for-of allocates an iterator each time).
  const ids: readonly string[] = Array.isArray(ingredients) ? ingredients : [...ingredients];
  for (let i = 0; i < ids.length; i++)
    if (INGREDIENT_BY_ID.get(ids[i] as string)?.washout === 'methadone-or-buprenorphine')
      return 'methadone-or-buprenorphine';
  return 'short-acting';
}

/** Length in days of the opioid-free window for a set of opioid ingredient ids (the longest class among them). */
export function washoutDays(ingredients: Iterable<string>, patch = false): number {
  return WASHOUT_DAYS[classOf(ingredients, patch)];
}

/** The window for a set of opioid ingredient ids: the longest class among them. */
export function washoutFor(
  ingredients: Iterable<string>,
  lastUseDay: number,
  lastUseBasis: string,
  patch = false,
): WashoutWindow {
  const cls = classOf(ingredients, patch);
  const days = WASHOUT_DAYS[cls];
  return {
    lastUse: isoDay(lastUseDay),
    lastUseBasis,
    days,
    endsOn: isoDay(lastUseDay + days),
    rationale: RATIONALE[cls],
  };
}
