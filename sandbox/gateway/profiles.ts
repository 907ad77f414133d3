/**
 * Vendor-like server profiles of the protected FHIR base, chosen per launch (`profile=`, sandbox/auth/options.ts),
 * so testers meet the shapes of real EHRs (issue 12 item 4). Each profile is a rewrite of one REST interaction
 * before the engine sees it, and of the engine's answer after; sandbox/README.md says what each one does and which
 * vendor documentation it follows (and what of that is unverified).
 *
 * - `full`: the sandbox as it is (offset paging, `_include`, every resource type, every create).
 * - `epic-like`: `_include` refused (400), at most 50 entries per page, opaque cursor next links, no
 *   MedicationStatement (404), MedicationRequest and DetectedIssue writes refused (403), MedicationRequest searches
 *   without `status` return active orders only.
 * - `oracle-like`: MedicationRequest create only as a reported medication (422 otherwise); no DetectedIssue (404).
 * - `hapi-like`: HAPI's paging links (`_getpages` and `_getpagesoffset` on the base), default page of 20, `total`.
 */
import type { LaunchOptions } from '../auth/options.ts';
import type { EngineRequest, EngineResponse } from '../fhir/engine.ts';
import { enginePath, rewriteLinks, sessionsFor, withoutPaging, type Query } from './profile-paging.ts';
import { stripTrailingSlashes } from '../../src/core/fhir/systems.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Epic-like: the most entries a page carries, whatever `_count` asks. */
export const EPIC_MAX_PAGE = 50;
/** HAPI-like: the page size when the search gives no `_count`. */
export const HAPI_DEFAULT_PAGE = 20;
/** Epic-like cursor parameter (opaque: a random token, not an offset). */
export const EPIC_CURSOR_PARAM = 'sessionID';

export type ProfileStep =
  /** The profile answers itself (a refusal). */
  | { kind: 'answer'; answer: EngineResponse }
  /** Go on with `request` (maybe rewritten); `after` reshapes the engine's answer. */
  | { kind: 'forward'; request: EngineRequest; after?: (a: EngineResponse) => EngineResponse };

/** An OperationOutcome answer, one issue per text. */
export function outcomeResponse(status: number, code: string, texts: readonly string[]): EngineResponse {
  return {
    status,
    headers: { 'content-type': FHIR_JSON },
    body: {
      resourceType: 'OperationOutcome',
      issue: texts.map((text) => ({ severity: 'error', code, details: { text } })),
    },
  };
}

interface Parsed {
  method: string;
  type: string | undefined;
  segments: string[];
  query: Query;
  base: string;
}

function parse(r: EngineRequest): Parsed {
  const target = new URL(r.url.replace(/^\/+/, ''), 'http://entry.invalid/');
  const segments = target.pathname
    .split('/')
    .filter(Boolean)
    .map((x) => decodeURIComponent(x));
  return {
    method: r.method.toUpperCase(),
    type: segments[0],
    segments,
    query: [...target.searchParams.entries()],
    base: stripTrailingSlashes(r.baseUrl ?? ''),
  };
}

/** Applies the launch's profile to one REST interaction on the protected base. */
export function applyProfile(options: LaunchOptions, r: EngineRequest): ProfileStep {
  const p = parse(r);
  switch (options.profile) {
    case 'epic-like':
      return epicLike(options, r, p);
    case 'oracle-like':
      return oracleLike(r, p);
    case 'hapi-like':
      return hapiLike(options, r, p);
    default:
      return { kind: 'forward', request: r };
  }
}

const isTypeSearch = (p: Parsed): boolean => p.method === 'GET' && p.segments.length === 1;
const last = (q: Query, key: string): string | undefined => q.filter(([k]) => k === key).at(-1)?.[1];

function epicLike(options: LaunchOptions, r: EngineRequest, p: Parsed): ProfileStep {
  if (p.type === 'MedicationStatement') {
    return {
      kind: 'answer',
      answer: outcomeResponse(404, 'not-supported', [
        'MedicationStatement is not a supported resource on this server (epic-like profile)',
      ]),
    };
  }
  if (
    (p.type === 'MedicationRequest' || p.type === 'DetectedIssue') &&
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(p.method) &&
    p.segments[1] !== '_search'
  ) {
    return {
      kind: 'answer',
      answer: outcomeResponse(403, 'forbidden', [`${p.type} writes are not available to this app (epic-like profile)`]),
    };
  }
  if (!isTypeSearch(p) || !p.type) return { kind: 'forward', request: r };
  const type = p.type;
  const sessions = sessionsFor(options);
  let query: Query;
  let offset = 0;
  let count: number;
  const cursor = last(p.query, EPIC_CURSOR_PARAM);
  if (cursor !== undefined) {
    const stored = sessions.get(cursor);
    if (!stored || stored.type !== type || stored.offset === undefined || stored.count === undefined) {
      return {
        kind: 'answer',
        answer: outcomeResponse(400, 'invalid', [
          'The paging session is unknown or expired; search again (epic-like profile)',
        ]),
      };
    }
    ({ query, offset, count } = { query: stored.query, offset: stored.offset, count: stored.count });
  } else {
    if (p.query.some(([k]) => k === '_include' || k === '_revinclude')) {
      return {
        kind: 'answer',
        answer: outcomeResponse(400, 'not-supported', ['_include is not supported on this server (epic-like profile)']),
      };
    }
    query = withoutPaging(p.query).filter(([k]) => k !== EPIC_CURSOR_PARAM);
    // Epic returns only active orders unless the search names the statuses (../shared/research/smart-on-fhir.md).
    if (type === 'MedicationRequest' && !query.some(([k]) => k === 'status' || k === '_id'))
      query.push(['status', 'active']);
    const asked = Number(last(p.query, '_count') ?? EPIC_MAX_PAGE);
    count = Number.isInteger(asked) && asked >= 0 ? Math.min(asked, EPIC_MAX_PAGE) : EPIC_MAX_PAGE;
  }
  const self = `${p.base}/${r.url.replace(/^\/+/, '')}`;
  const after = (a: EngineResponse): EngineResponse => ({
    ...a,
    body: rewriteLinks(a.body, (relation, page) => {
      if (relation === 'self') return self;
      if (relation !== 'next') return undefined; // Epic-like: forward-only paging
      return `${p.base}/${type}?${EPIC_CURSOR_PARAM}=${sessions.put({ type, query, offset: page.offset, count: page.count })}`;
    }),
  });
  return { kind: 'forward', request: { ...r, url: enginePath(type, query, offset, count) }, after };
}

/**
 * Oracle Health: MedicationRequest create for a reported medication only (../shared/research/smart-on-fhir.md:
 * status active, intent order or plan, reportedBoolean true, medicationCodeableConcept only, one dosageInstruction).
 */
export function reportedMedicationProblems(body: unknown): string[] {
  const mr = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (mr.reportedBoolean !== true)
    problems.push('reportedBoolean must be true: only reported medications can be created');
  if (mr.status !== 'active') problems.push('status must be active');
  if (mr.intent !== 'order' && mr.intent !== 'plan') problems.push('intent must be order or plan');
  if (
    typeof mr.medicationCodeableConcept !== 'object' ||
    mr.medicationCodeableConcept === null ||
    mr.medicationReference !== undefined
  ) {
    problems.push('the medication must be given as medicationCodeableConcept only (no medicationReference)');
  }
  if (!Array.isArray(mr.dosageInstruction) || mr.dosageInstruction.length !== 1)
    problems.push('exactly one dosageInstruction is required');
  return problems;
}

function oracleLike(r: EngineRequest, p: Parsed): ProfileStep {
  if (p.type === 'DetectedIssue') {
    return {
      kind: 'answer',
      answer: outcomeResponse(404, 'not-supported', [
        'DetectedIssue is not a supported resource on this server (oracle-like profile)',
      ]),
    };
  }
  if (p.type === 'MedicationRequest' && p.method === 'POST' && p.segments.length === 1) {
    const problems = reportedMedicationProblems(typeof r.body === 'string' ? safeJson(r.body) : r.body);
    if (problems.length > 0)
      return {
        kind: 'answer',
        answer: outcomeResponse(
          422,
          'business-rule',
          problems.map((t) => `${t} (oracle-like profile)`),
        ),
      };
  }
  return { kind: 'forward', request: r };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function hapiLike(options: LaunchOptions, r: EngineRequest, p: Parsed): ProfileStep {
  if (p.method !== 'GET') return { kind: 'forward', request: r };
  const sessions = sessionsFor(options);
  let type: string;
  let query: Query;
  let offset: number;
  let count: number;
  const id = p.segments.length === 0 ? last(p.query, '_getpages') : undefined;
  if (id !== undefined) {
    const stored = sessions.get(id);
    const at = Number(last(p.query, '_getpagesoffset'));
    const size = Number(last(p.query, '_count') ?? HAPI_DEFAULT_PAGE);
    if (!stored || !Number.isInteger(at) || at < 0 || !Number.isInteger(size) || size < 0) {
      return {
        kind: 'answer',
        answer: outcomeResponse(410, 'not-found', [
          `Search ID "${id}" does not exist and may have expired (hapi-like profile)`,
        ]),
      };
    }
    ({ type, query, offset, count } = { type: stored.type, query: stored.query, offset: at, count: size });
  } else {
    if (!isTypeSearch(p) || !p.type) return { kind: 'forward', request: r };
    type = p.type;
    query = withoutPaging(p.query);
    const asked = Number(last(p.query, '_count') ?? HAPI_DEFAULT_PAGE);
    count = Number.isInteger(asked) && asked >= 0 ? asked : HAPI_DEFAULT_PAGE;
    offset = Number(last(p.query, '_offset') ?? 0) || 0;
  }
  let searchId: string | undefined = id;
  const self = `${p.base}/${r.url.replace(/^\/+/, '')}`;
  const after = (a: EngineResponse): EngineResponse => ({
    ...a,
    body: rewriteLinks(a.body, (relation, page) => {
      if (relation === 'self') return self;
      searchId ??= sessions.put({ type, query });
      return `${p.base}?_getpages=${searchId}&_getpagesoffset=${page.offset}&_count=${page.count}&_bundletype=searchset`;
    }),
  });
  return { kind: 'forward', request: { ...r, url: enginePath(type, query, offset, count) }, after };
}
