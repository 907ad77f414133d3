/**
 * The words for every expected failure (src/core/problem.ts): one `describeProblem` turns a code, its target and
 * its facts into the sentence a clinician reads. The core only carries codes and facts (issue 14 item 2), so a
 * sentence is changed here and nowhere else. Plan, allow-list, launch and registration problems are worded here;
 * read gaps in strings-read.ts, signing in strings-write.ts, URL faults in strings-url.ts. The CLI words the same
 * problems through src/entry/cli/strings.ts.
 */
import { clinicalDate } from '../core/fhir/dates.ts';
import type { Problem, ProblemParams } from '../core/problem.ts';
import type { UrlFault } from '../core/smart/issuer-url.ts';
import { urlFaultWords } from './strings-url.ts';
import { describeReadGap, type GapFacts } from './strings-read.ts';
import { createCause, describeWriteProblem } from './strings-write.ts';
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
        : `The start date must be a day, month and year, for example 7 Dec 2026 (got "${text(params, 'value')}").`;
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
  if (p.code.startsWith('write/')) return describeWriteProblem(p);
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
