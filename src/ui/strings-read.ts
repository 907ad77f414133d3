/**
 * The words for what could not be read (read gaps, src/core/chart.ts) and for how a request ended (an answer's
 * facts, src/edge/fhir/gaps.ts answerFacts). Apart from strings-problems.ts so the clinician screen's first chunk,
 * which lists the gaps, carries only these.
 */
import type { Problem, ProblemParams } from '../core/problem.ts';

type Params = ProblemParams | undefined;

const text = (params: Params, key: string): string => String(params?.[key] ?? '');

/** What a server status means, in the words of a read gap (401, 403, 404 / 410, 408 / 504, anything else). */
function statusWords(status: number): string {
  if (status === 401) return 'the session was not accepted (expired or rejected sign-in); launch the app again';
  if (status === 403) return 'access was refused (not permitted for this app or user)';
  if (status === 404 || status === 410) return 'the server does not offer it';
  if (status === 408 || status === 504) return 'the server did not answer in time';
  return 'the server reported an error';
}

/**
 * How a request ended, from its facts (src/edge/fhir/gaps.ts answerFacts), said after its subject: "did not
 * answer within 30 s", "answered 503 (the server reported an error; issue: transient)".
 */
export function answerWords(params: Params): string {
  switch (params?.answer) {
    case 'timeout':
      return `did not answer within ${Math.round(Number(params.afterMs) / 100) / 10} s`;
    case 'aborted':
      return 'was cancelled before it finished';
    case 'network':
      return 'could not be reached (network error)';
    case 'not-bundle':
      return 'answered with something that is not a FHIR Bundle';
    default: {
      const issues = params?.issues === undefined ? '' : `; issue: ${text(params, 'issues')}`;
      return `answered ${text(params, 'status')} (${statusWords(Number(params?.status))}${issues})`;
    }
  }
}

/** What a read gap is about, beyond the problem itself: the kind of record and how many. */
export interface GapFacts {
  resourceType?: string;
  count?: number;
}

/** A next-page link that was not followed, in words (a `link` fact: bundle-paging.ts nextLink). */
export const LINK_WORDS: Readonly<Record<string, string>> = {
  'no-address': 'without an address',
  invalid: 'that is not a valid address',
  'other-server': 'to another server (not followed, to keep the access token there)',
};

const BODY_WORDS: Readonly<Record<string, string>> = {
  'not-json': 'answered with something that is not JSON',
  'not-bundle': 'answered with something that is not a FHIR Bundle',
  'entries-not-list': 'answered with a Bundle whose entries are not a list',
};

const SHAPE_WORDS: Readonly<Record<string, string>> = { object: 'an object', string: 'a string', list: 'a list' };

/** "1 entry was" / "3 entries were", and the like. */
const counted = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * What could not be read, in the words of the read's technical detail (shown behind "Technical details", in
 * the sign panel's list and the order's acknowledgement, and by `npm run assess`), e.g. "MedicationStatement
 * search answered 503 (the server reported an error)". Names searches, references and statuses; no patient data.
 */
export function describeReadGap(p: Problem & GapFacts): string {
  const { params, target } = p;
  const type = p.resourceType ?? 'record';
  const n = p.count ?? 1;
  const search = `${type} search`;
  const further = params?.further !== undefined;
  const where = further ? `${search}, a further page,` : search;
  const after = further ? ` after ${text(params, 'read')} ${type} resources; the rest was not read` : '';
  const article = /^[AEIOU]/.test(type) ? 'An' : 'A';
  switch (params?.what) {
    case 'search-failed':
      return `${where} ${answerWords(params)}${after}`;
    case 'search-body': {
      const issues = params.issues === undefined ? '' : ` (issue: ${text(params, 'issues')})`;
      const body =
        params.body === 'outcome'
          ? `answered with an error report instead of results${issues}`
          : (BODY_WORDS[text(params, 'body')] ?? BODY_WORDS['not-bundle']);
      return `${where} ${body}${after}`;
    }
    case 'next-link':
      return `${search} gave a next-page link ${LINK_WORDS[text(params, 'link')] ?? LINK_WORDS.invalid}; the rest was not read`;
    case 'next-repeats':
      return `${search} gave a next-page link that repeats an earlier page; the rest was not read`;
    case 'page-limit':
      return `${search} stopped after ${text(params, 'pages')} pages (the page limit); the rest was not read`;
    case 'entries-malformed':
      return `${search}: ${counted(n, 'entry was', 'entries were')} not a readable ${type} and skipped`;
    case 'server-warning': {
      const said = params.technical === undefined ? '' : `: "${text(params, 'technical')}"`;
      return `${search}: the server reported that its results may be partial (${text(params, 'level')}; issue: ${text(params, 'issues')})${said}`;
    }
    case 'other-patient':
      return `${search}: ${counted(n, 'record belonged', 'records belonged')} to another patient and ${n === 1 ? 'was' : 'were'} left out`;
    case 'versions':
      return `${search}: ${counted(n, 'record', 'records')} came back in different versions under one id; every version is kept`;
    case 'total-short':
      return `${search}: the server announced ${text(params, 'total')} results but sent ${text(params, 'reached')}, with no further page; the rest was not read`;
    case 'patient-failed':
      return `The patient's record ${answerWords(params)}`;
    case 'patient-not-patient':
      return "The patient's record was asked for, and the answer was not a patient record";
    case 'patient-other':
      return "The server answered with another patient's record instead of the launch patient's; nothing read can be trusted to be this patient's";
    case 'medication-ref-contained':
      return `The medication reference ${target ?? ''} points to a contained medication that is not there, so that medication is unknown`;
    case 'medication-ref-outside':
      return `The medication reference ${target ?? ''} points outside this FHIR server, so that medication is unknown`;
    case 'medication-failed': {
      const users = n === 1 ? 'one medication record' : `${n} medication records`;
      const how = params.answer === 'not-medication' ? 'was not a readable Medication' : answerWords(params);
      return `${target ?? 'A Medication'}, named by ${users}, could not be read: it ${how}`;
    }
    case 'entry-not-object':
      return `${article} ${type} entry is not an object and was skipped.`;
    case 'condition-unreadable':
      return `${target ?? 'A Condition'} has neither a usable code nor text, so it could not be checked.`;
    case 'allergy-no-substance':
      return `${target ?? 'An allergy'} names no substance (neither code nor text), so it could not be checked.`;
    case 'bundle-entry-unreadable':
      return `Bundle entry ${text(params, 'index')} has no readable resource${params.typeUnknown ? ' (type unknown)' : ''}.`;
    case 'entry-skipped': {
      const shape = SHAPE_WORDS[text(params, 'expected')] ?? 'readable';
      return `${target ?? `${type} (entry ${text(params, 'index')})`} was skipped: ${text(params, 'field')} is not ${shape}.`;
    }
    case 'more-pages':
      return 'The search result has further pages that are not in this file.';
    case 'medication-not-found': {
      const name = params.display === undefined ? '' : ` ("${text(params, 'display')}" used as its name)`;
      return `${text(params, 'user')} names a Medication that was not found in the chart${name}.`;
    }
    case 'ndc-only':
      return `${target ?? `A ${type}`} names only NDC ${text(params, 'ndc')}, with no name; NDC codes are not mapped to ingredients, so it could not be checked.`;
    case 'medication-unreadable':
      return `${target ?? `A ${type}`} has neither a usable code nor text, so it could not be checked.`;
    case 'prefetch-wrong-patient':
      return 'The prefetched Patient is not the patient of this call.';
    case 'prefetch-not-bundle':
      return `The prefetched ${type} data is not a FHIR Bundle.`;
    case 'prefetch-other-patient':
      return `${n} prefetched ${type} record(s) belong to another patient and were left out.`;
    case 'prefetch-missing':
      return `The EHR sent no ${type} data (prefetch "${text(params, 'key')}") and no FHIR server to read it from.`;
    default:
      return `${type}: part of it could not be read.`;
  }
}

/** A line of what was not read (the sign panel, the order's acknowledgement): a gap, or none recorded. */
export function describeNotRead(gap?: Problem & GapFacts): string {
  return gap ? describeReadGap(gap) : 'Part of the chart could not be read.';
}
