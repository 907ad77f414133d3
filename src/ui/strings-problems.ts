/**
 * The words for every expected failure (src/core/problem.ts): one `describeProblem` turns a code, its target and
 * its facts into the sentence a clinician reads. The core only carries codes and facts (issue 14 item 2), so a
 * sentence is changed here and nowhere else. The CLI words the same problems in src/entry/cli/strings.ts.
 */
import { clinicalDate } from '../core/fhir/dates.ts';
import type { Problem, ProblemParams } from '../core/problem.ts';
import type { UrlFault } from '../core/smart/issuer-url.ts';
import { urlFaultWords } from './strings-url.ts';
import { answerWords, describeReadGap, LINK_WORDS, type GapFacts } from './strings-read.ts';
import { APP_FAILURE_TEXTS } from './pages/app-failure-texts.ts';
import type { FailureText } from './pages/failure-text.ts';
import { LAUNCH_FAILURE_TEXTS } from './pages/launch-failure-texts.ts';

type Params = ProblemParams | undefined;

const text = (params: Params, key: string): string => String(params?.[key] ?? '');

/** What a planner input is called in a sentence, by the problem's target (the input's dotted path). */
const PLAN_FIELD_NAMES: Readonly<Record<string, string>> = {
  startMg: 'The start dose',
  stepMg: 'The step',
  targetMg: 'The target dose',
  intervalDays: 'The interval',
  maintenanceDays: 'The maintenance period',
  'form.mgPerMl': 'The concentration',
  'form.strengthsMg': 'A capsule strength',
};

const fieldName = (target: string | undefined): string => PLAN_FIELD_NAMES[target ?? ''] ?? 'The value';

/** "The start dose is missing or not a number." when nothing usable was typed, else what is expected and what came. */
function numberSentence(target: string | undefined, params: Params, expected: string): string {
  const what = fieldName(target);
  return params?.value === undefined
    ? `${what} is missing or not a number.`
    : `${what} must be a number ${expected} (got ${text(params, 'value')}).`;
}

/** A form problem, by the input at fault. */
function formSentence(target: string | undefined, params: Params): string {
  switch (target) {
    case 'form.storage':
      return 'The liquid is kept at room temperature or refrigerated.';
    case 'form.strengthsMg':
      return `Choose 1 to ${text(params, 'max')} capsule strengths.`;
    case 'form.maxCapsulesPerDose':
      return `Capsules per dose must be a whole number from 1 to ${text(params, 'max')}.`;
    case 'form.filler':
      return `Name the capsule filler in at most ${text(params, 'max')} characters.`;
    case 'timing':
      return 'The timing must be bedtime or morning.';
    default:
      return 'The form must be capsules or an oral liquid.';
  }
}

/** Why a dose cannot be given: a liquid volume off the 0.1 mL scale, or capsules that do not add up to it. */
function notDeliverableSentence(params: Params): string {
  const dose = text(params, 'doseMg');
  if (params?.form === 'liquid') {
    return (
      `${dose} mg at ${text(params, 'mgPerMl')} mg/mL is ${text(params, 'ml')} mL, which cannot be measured ` +
      'in 0.1 mL steps: choose a concentration that gives whole tenths of a mL, or capsules.'
    );
  }
  const strengths = text(params, 'strengthsMg')
    .split(',')
    .map((s) => `${s} mg`)
    .join(', ');
  if (Number(params?.maxPerDose) === 1) {
    return `${dose} mg is not one of the capsule strengths (${strengths}): add a ${dose} mg capsule, allow several capsules per dose, or choose an oral liquid.`;
  }
  return (
    `${dose} mg cannot be made exactly from capsules of ${strengths} ` +
    `(at most ${text(params, 'maxPerDose')} per dose): choose strengths that add up to it, or an oral liquid.`
  );
}

/** The sentence for a planner problem. */
function planSentence(p: Problem): string {
  const { target, params } = p;
  switch (p.code) {
    case 'plan/invalid-number':
      return numberSentence(target, params, 'in mg with at most 3 decimals');
    case 'plan/not-positive':
      return target === 'stepMg'
        ? `The step must not be negative (got ${text(params, 'mg')} mg).`
        : `${fieldName(target)} must be more than 0 mg (got ${text(params, 'mg')} mg).`;
    case 'plan/interval-invalid':
    case 'plan/maintenance-invalid':
      return numberSentence(target, params, `of whole days from ${text(params, 'min')} to ${text(params, 'max')}`);
    case 'plan/start-too-low':
      return `The start dose must be at least ${text(params, 'min')} mg (got ${text(params, 'mg')} mg).`;
    case 'plan/target-above-limit': {
      const limit = text(params, 'limit');
      return `The target ${text(params, 'mg')} mg is above ${limit} mg: low-dose naltrexone is at most ${limit} mg a day (LDN Research Trust).`;
    }
    case 'plan/target-needs-reason':
      return `A target above ${text(params, 'max')} mg needs a reason.`;
    case 'plan/start-above-target':
      return `The start dose ${text(params, 'startMg')} mg is above the target ${text(params, 'targetMg')} mg.`;
    case 'plan/step-missing':
      return 'The start dose is below the target: give a step above 0 mg.';
    case 'plan/too-many-steps':
      return `This step gives ${text(params, 'count')} titration steps; at most ${text(params, 'max')} are allowed.`;
    case 'plan/ladder-invalid':
      return 'The dose ladder must start at the start dose, rise at every step and stay below the target.';
    case 'plan/date-invalid':
      return target === 'opioidFreeFrom'
        ? `The opioid-free date must be written YYYY-MM-DD (got "${text(params, 'value')}").`
        : `The start date must be a date written YYYY-MM-DD (got "${text(params, 'value')}").`;
    case 'plan/form-invalid':
      return formSentence(target, params);
    case 'plan/not-deliverable':
      return notDeliverableSentence(params);
    case 'plan/start-in-window':
      return `The start date ${clinicalDate(text(params, 'startDate'))} is inside the opioid-free window: start on or after ${clinicalDate(text(params, 'opioidFreeFrom'))}, or record that you choose to start earlier.`;
    default:
      return 'The plan cannot be made with these values.';
  }
}

/** What is wrong with an allow-list field, said after the field's path. */
function configPhrase(p: Problem): string {
  const { target, params } = p;
  switch (p.code) {
    case 'config/root-not-object':
      return 'must be a JSON object with a "clients" array';
    case 'config/unknown-field':
      return 'unknown field';
    case 'config/not-object':
      return 'must be an object';
    case 'config/not-array':
      return target === 'clients' ? 'must be an array of issuer entries' : 'must be an array';
    case 'config/not-boolean':
      return 'must be true or false';
    case 'config/empty-string':
      return 'must be a non-empty string';
    case 'config/scope-version':
      return 'must be "v1" or "v2"';
    case 'config/one-matcher':
      return 'give exactly one of "iss" (exact FHIR base URL), "issPrefix" or "smartLauncher"';
    case 'config/write-setting':
      return 'must be "on", "off" or "fallback"';
    case 'config/read-setting':
      return 'must be "parallel" or "batch"';
    case 'config/bad-url':
      // The URL checks' sentences stay with the checks (src/core/smart/issuer-url.ts), which `npm run clients`
      // and the registration page also word: one sentence per fault.
      return urlFaultWords(text(params, 'fault') as UrlFault, text(params, 'value'));
    case 'config/prefix-slash':
      return 'must end with "/" so it cannot match a look-alike host';
    case 'config/standalone-prefix':
      return 'a standalone entry needs an exact "iss" or a "smartLauncher" (a prefix names no server to offer)';
    case 'config/duplicate':
      return `duplicates clients[${text(params, 'previous')}]`;
    default:
      return 'is not valid';
  }
}

/** Why the allow-list file could not be read, e.g. "smart-clients.json could not be loaded (HTTP 404)". */
function configUnreadableSentence(params: Params): string {
  const file = text(params, 'file');
  if (params?.cause === 'not-json') return `${file} is not valid JSON`;
  if (params?.cause === 'http') return `${file} could not be loaded (HTTP ${text(params, 'status')})`;
  return `${file} could not be loaded (no response)`;
}

/** Why one create did not land (a create/* code, as a write problem's `cause`), e.g. "the server answered 503 (…)". */
function createCause(code: string, params: Params): string {
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
function writeSentence(p: Problem): string {
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

/** Why a deployment cannot be registered, e.g. `base URL "http://x/" must use https (...)`. */
function registrationSentence(params: Params): string {
  if (params?.which === undefined) return `version "${text(params, 'value')}" is not a semantic version`;
  const which = params.which === 'page' ? '' : `${text(params, 'which')} URL `;
  return `${which}${urlFaultWords(text(params, 'fault') as UrlFault, text(params, 'value'))}`;
}

/**
 * The sentence for a problem. An allow-list problem (a ConfigError, which names its file) reads as one line
 * naming the file and the field, e.g. `smart-clients.json: clients[0].clientId must be a non-empty string`.
 */
export function describeProblem(p: Problem & { file?: string } & GapFacts): string {
  if (p.code.startsWith('read/')) return describeReadGap(p);
  if (p.code.startsWith('plan/')) return planSentence(p);
  if (p.code === 'launch/config-unreadable') return configUnreadableSentence(p.params);
  if (p.code.startsWith('write/')) return writeSentence(p);
  if (p.code.startsWith('registration/')) return registrationSentence(p.params);
  if (p.code.startsWith('create/')) return createCause(p.code, p.params);
  if (p.code.startsWith('config/')) return `${p.file ? `${p.file}: ` : ''}${p.target ?? ''} ${configPhrase(p)}`;
  if (p.code.startsWith('launch/')) return launchSentence(p.code.slice('launch/'.length));
  return `Problem: ${p.code}`;
}

/** A launch failure in one sentence: what its page says happened (src/ui/pages/*-failure-texts.ts). */
function launchSentence(kind: string): string {
  const text =
    (APP_FAILURE_TEXTS as Record<string, FailureText | undefined>)[kind] ??
    (LAUNCH_FAILURE_TEXTS as Record<string, FailureText | undefined>)[kind];
  return text?.what ?? APP_FAILURE_TEXTS.unknown.what;
}
