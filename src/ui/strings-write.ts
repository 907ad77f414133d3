/**
 * The words for what came of signing (src/edge/order-writer.ts): why the order was not written (write/* with a
 * create/* cause), and the remarks on an order that was (fallbacks taken, the replaced order). Part of the
 * problem wording (strings-problems.ts), apart so each area can be reviewed on its own.
 */
import type { Problem, ProblemParams } from '../core/problem.ts';
import { answerWords, LINK_WORDS } from './strings-read.ts';

type Params = ProblemParams | undefined;

const text = (params: Params, key: string): string => String(params?.[key] ?? '');

/** Why one create did not land (a create/* code, as a write problem's `cause`), e.g. "the server answered 503 (…)". */
export function createCause(code: string, params: Params): string {
  const type = text(params, 'type');
  switch (code) {
    case 'create/lost-unsearchable':
      return `the answer was lost and this server cannot be searched by identifier, so it is unknown whether the ${type} was saved`;
    case 'create/check-failed':
      return `the check for an earlier ${type} ${answerWords(params)}`;
    case 'create/cancelled':
      return `sending the ${type} was cancelled`;
    case 'create/busy':
      return 'the server was too busy (429)';
    case 'create/other-resource':
      return `the server answered with a different ${type}, not this one, so it is not known to be saved`;
    case 'create/no-id':
      return `the server accepted the ${type} but did not say its id`;
    case 'create/multiple':
      return `the server found more than one ${type} matching this order's identifier and created nothing`;
    case 'create/no-answer':
    case 'create/refused':
      return `the server ${answerWords(params)}`;
    default:
      return 'it was not attempted';
  }
}

/** Override records saved before the order failed: they point to no order, and the clinician is told so. */
function savedUnlinked(params: Params, retry: boolean): string {
  const n = Number(params?.savedCount ?? 0);
  if (n === 0) return '';
  const records = n === 1 ? '1 override record was' : `${n} override records were`;
  const then = retry
    ? ' until the order is written: signing again links them'
    : ': ask the EHR team to remove them, or keep them with the printed order';
  return ` ${records} saved before this (${text(params, 'saved')}) and ${n === 1 ? 'points' : 'point'} to no order${then}.`;
}

/** "1 override record was" / "2 override records were". */
const countWas = (n: number, noun: string): string => (n === 1 ? `1 ${noun} was` : `${n} ${noun}s were`);

const FOLD_WORDS: Readonly<Record<string, string>> = {
  'no-scope': 'this session may not create DetectedIssue records',
  'no-identifier': 'they carry no identifier that makes saving them safe to repeat',
  refused: 'the server did not accept them as DetectedIssue records',
};

/** Why the check for an order written elsewhere could not be made (concurrent-order.ts facts). */
function uncheckedWords(params: Params): string {
  switch (params?.check) {
    case 'not-bundle':
      return 'the search answered with something that is not a FHIR Bundle';
    case 'next-link':
      return `the search gave a next-page link ${LINK_WORDS[text(params, 'link')] ?? LINK_WORDS.invalid}`;
    case 'too-many-pages':
      return `the patient has more current orders than ${text(params, 'max')} pages`;
    case 'page':
      return `page ${text(params, 'page')} of the search ${answerWords(params)}`;
    default:
      return `the search ${answerWords(params)}`;
  }
}

/** Why the replaced order is still active (stop-prior.ts facts). */
function priorActiveWords(params: Params): string {
  switch (params?.because) {
    case 'not-server-order':
      return 'it is not an order on this server';
    case 'no-update-scope':
      return 'this session may not change orders';
    case 'read-failed':
      return `reading it ${answerWords(params)}`;
    case 'not-an-order':
      return 'the server answered with something else';
    case 'changed-meanwhile':
      return 'it was changed by someone else meanwhile';
    default:
      return `the server ${answerWords(params)} when asked to stop it`;
  }
}

/** A remark on a written order, or on the order it replaces; undefined for a code that is not one. */
function writeNoteSentence(p: Problem): string | undefined {
  const { params } = p;
  const n = Number(params?.count ?? params?.savedCount ?? 1);
  const reference = text(params, 'reference');
  switch (p.code) {
    case 'write/earlier-version-written':
      return `An earlier version of this order, signed before the plan was edited, reached the chart although its answer was lost (${reference}). Discontinue it in the EHR: the order written now is the edited plan.`;
    case 'write/concurrency-unchecked':
      return `The app could not check for an LDN order written elsewhere since the chart was read (${uncheckedWords(params)}).`;
    case 'write/reported-only': {
      const said = params?.technical === undefined ? '' : `: ${text(params, 'technical')}`;
      return `The server refused the full order (${text(params, 'status')}${said}); it was recorded as a reported medication with one dosage instruction carrying the whole plan in text.`;
    }
    case 'write/overrides-unlinked':
      return `${countWas(n, 'override record')} saved (${text(params, 'saved')}), but the ${text(params, 'shape')} order does not point to them; the overrides are written in its note.`;
    case 'write/duplicates-possible':
      return 'This server does not filter searches by order identifier, so the app cannot rule out a duplicate from an earlier attempt here: check the medication list in the EHR.';
    case 'write/overrides-folded':
      return `${countWas(n, 'overridden conflict')} written into the order's note, because ${FOLD_WORDS[text(params, 'because')] ?? FOLD_WORDS.refused}.`;
    case 'write/prior-stopped':
      return params?.status === undefined
        ? `The order it replaces (${reference}) was set to stopped.`
        : `The order it replaces (${reference}) is already ${text(params, 'status')}.`;
    case 'write/prior-active':
      return `The order it replaces (${reference}) is still active: ${priorActiveWords(params)}. Discontinue it in the EHR.`;
    default:
      return undefined;
  }
}

/** Why the signed order was not written. The server's own words, when it sent any, follow the sentence. */
export function describeWriteProblem(p: Problem): string {
  const note = writeNoteSentence(p);
  if (note !== undefined) return note;
  const { params } = p;
  const why = createCause(text(params, 'cause'), params);
  const server = params?.technical === undefined ? '' : ` The server said: ${text(params, 'technical')}`;
  switch (p.code) {
    case 'write/no-create-scope':
      return 'This session was not granted permission to create medication orders (MedicationRequest create), so nothing was sent.';
    case 'write/concurrent-order':
      return `Another low-dose naltrexone order for this patient (${text(params, 'reference')}) was written since the chart was read, in another tab or by another clinician. Nothing was sent. Reload the chart to see it and decide.`;
    case 'write/not-accepted':
      return `The server does not accept this order (${why}).${server}${savedUnlinked(params, false)}`;
    case 'write/rejected':
      return `The server rejected the order (${why}).${server}${savedUnlinked(params, false)}`;
    case 'write/override-unsaved':
      return `The override record could not be saved: ${why}. No order was sent; try again.${server}`;
    default:
      return `The order could not be confirmed as saved: ${why}. Trying again is safe: it will not create a second order.${server}${savedUnlinked(params, true)}`;
  }
}
