/**
 * From findings to a verdict and one summary sentence.
 * - any contraindicated or major finding -> not-recommended ("not now": a major finding is an opioid inside the
 *   washout window, a second antagonist, acute liver injury, a proxy for opioid therapy; design, shared with the
 *   sandbox's synthetic patients);
 * - else a supported indication -> candidate-with-cautions when any caution exists, else candidate (info findings do
 *   not change the verdict);
 * - else no-indication.
 * Any gap makes the shown verdict "incomplete"; `verdictIfComplete` keeps what the findings alone would say.
 */
import { clinicalDate } from '../fhir/dates.ts';
import type { Assessment, Candidacy, Conflict, Severity, Verdict } from './types.ts';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { contraindicated: 0, major: 1, caution: 2, info: 3 };

export function verdictOf(
  candidacy: readonly Candidacy[],
  conflicts: readonly Conflict[],
): Exclude<Verdict, 'incomplete'> {
  if (conflicts.some((c) => c.severity === 'contraindicated' || c.severity === 'major')) return 'not-recommended';
  const supported = candidacy.some((c) => c.supportsCandidacy !== false);
  if (!supported) return 'no-indication';
  return conflicts.some((c) => c.severity === 'caution') ? 'candidate-with-cautions' : 'candidate';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryOf(
  a: Pick<Assessment, 'verdict' | 'verdictIfComplete' | 'candidacy' | 'conflicts' | 'gaps' | 'opioidFreeFrom'>,
): string {
  const sentence = summarySentence(a);
  // The verdict names the first day LDN may start when an opioid-free window is still running (issue 10 item 5).
  return a.opioidFreeFrom ? `${sentence.replace(/\.$/, '')}; not before ${clinicalDate(a.opioidFreeFrom)}.` : sentence;
}

/** A title inside a sentence: its first word in lower case unless it is a name or an abbreviation (LDN, Contrave). */
function inSentence(title: string): string {
  const [word = ''] = title.split(/[\s:(/]/, 1);
  const isCommonWord =
    word.length > 1 && word[0] === word[0]!.toUpperCase() && word.slice(1) === word.slice(1).toLowerCase();
  const keep = !isCommonWord || /^(Contrave|Embeda|Lybalvi|Vivitrol|Sublocade|Hashimoto)/.test(title);
  return keep ? title : title[0]!.toLowerCase() + title.slice(1);
}

/** The verdict in words inside a sentence (the codes are for programs, never for the clinician). */
const VERDICT_PHRASE: Readonly<Record<Exclude<Verdict, 'incomplete'>, string>> = {
  candidate: 'candidate',
  'candidate-with-cautions': 'candidate with cautions',
  'not-recommended': 'not recommended now',
  'no-indication': 'no published LDN use charted',
};

function summarySentence(
  a: Pick<Assessment, 'verdict' | 'verdictIfComplete' | 'candidacy' | 'conflicts' | 'gaps'>,
): string {
  const indications = [...new Set(a.candidacy.filter((c) => c.supportsCandidacy !== false).map((c) => c.indication))];
  const contra = a.conflicts.filter((c) => c.severity === 'contraindicated' || c.severity === 'major');
  const cautions = a.conflicts.filter((c) => c.severity === 'caution');
  const first = (list: readonly Conflict[]): string =>
    [...new Set(list.map((c) => inSentence(c.title)))].slice(0, 2).join('; ');
  switch (a.verdict) {
    case 'incomplete':
      return `Incomplete: ${plural(a.gaps.length, 'part')} of the chart could not be read, so no clean verdict can be given (on what was read: ${VERDICT_PHRASE[a.verdictIfComplete]}).`;
    case 'not-recommended':
      return `Not recommended now: ${plural(contra.length, 'contraindicated or major finding')} (${first(contra)}).`;
    case 'candidate-with-cautions':
      return `Candidate for LDN (${indications.join(', ')}) with ${plural(cautions.length, 'caution')} to review (${first(cautions)}).`;
    case 'candidate':
      return `Candidate for LDN: ${indications.join(', ')}; no conflicts found.`;
    case 'no-indication':
      return cautions.length
        ? `No published LDN use charted; ${plural(cautions.length, 'caution')} found (${first(cautions)}).`
        : 'No published LDN use charted and no conflicts found.';
  }
}
