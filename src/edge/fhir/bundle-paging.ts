/**
 * One FHIR search followed to its end, with every fault turned into a gap. Pages follow `next` links one after
 * another, except where the server pages by offset and announced a `total`: then the remaining pages are asked
 * for together (issue 14 item 1). Entries are checked before they are handed on (issue 10 item 1): an object with
 * an id and an expected resourceType; not another patient's record; an OperationOutcome warning or error inside the
 * results is a gap; two different versions under one id are both kept, with a gap; a `total` the entries cannot
 * reach is a gap.
 */
import type { Bundle, Resource } from 'fhir/r4';
import { readGap, type ChartResourceType, type ReadGap, type ReadGapParams } from '../../core/chart.ts';
import type { ProblemParams } from '../../core/problem.ts';
import type { FhirHttp } from '../types.ts';
import { fhirRequest, isSuccess, type HttpAnswer } from './request.ts';
import { answerFacts, reasonForAnswer } from './gaps.ts';
import { isOperationOutcome, outcomeCodes } from '../../core/fhir/operation-outcome.ts';
import { isOtherPatients, outcomeNotice, sameJson, type OutcomeNotice } from '../../core/fhir/entry-checks.ts';
import { offsetPlan, samePage } from './offset-pages.ts';

export interface SearchSpec {
  /** The type searched for; entries of this type are the matches. */
  resourceType: ChartResourceType;
  /** First page, relative to the FHIR base, e.g. "Condition?patient=123&_count=1000". */
  path: string;
  /** Other types the search may include (`_include`), e.g. ["Medication"]. */
  includeTypes: readonly ChartResourceType[];
  /** The launch patient: matches that name another patient are left out, with a 'wrong-patient' gap. */
  patientId?: string;
}

export interface PagingOptions {
  timeoutMs: number;
  maxPages: number;
  signal?: AbortSignal;
  /** Called after each page that was read, with how many new matches it brought. */
  onPage?: (page: { newMatches: number; total?: number; pageNumber: number }) => void;
}

/** A server text quoted in a gap (its `technical` param), so the caller can drop it once it knows the patient's name. */
export interface QuotedText {
  gap: ReadGap;
  text: string;
}

export interface SearchOutcome {
  spec: SearchSpec;
  /** Matches in server order: one per id, or every distinct version when the server sent several. */
  matches: Resource[];
  /** Included resources (e.g. Medication), one per type and id (every distinct version, as for matches). */
  included: Resource[];
  /** Bundle.total of the first page, when given. */
  total?: number;
  /** Pages read successfully. */
  pages: number;
  /** Requests sent, including any that failed. */
  requests: number;
  /** Sequential round trips this search took. */
  roundTrips: number;
  gaps: ReadGap[];
  /** Gaps that quote the server's own words (OperationOutcome warnings). */
  quoted: QuotedText[];
}

/** What the entries of the pages read so far added up to. */
interface Collected {
  /** Versions per "Type/id", matches and included alike. */
  versions: Map<string, Resource[]>;
  /** Distinct ids of the searched type. */
  matchIds: Set<string>;
  /** "Type/id" keys that came back in more than one version. */
  conflicting: Set<string>;
  malformed: number;
  otherPatient: number;
  notices: Map<string, OutcomeNotice>;
}

type PageResult = { kind: 'bundle'; bundle: Bundle } | { kind: 'gap'; gap: ReadGap };

/** Reads a search to its end (or to its first fault). Never throws. */
export async function searchAllPages(http: FhirHttp, spec: SearchSpec, opts: PagingOptions): Promise<SearchOutcome> {
  const out: SearchOutcome = {
    spec,
    matches: [],
    included: [],
    pages: 0,
    requests: 0,
    roundTrips: 0,
    gaps: [],
    quoted: [],
  };
  const got: Collected = {
    versions: new Map(),
    matchIds: new Set(),
    conflicting: new Set(),
    malformed: 0,
    otherPatient: 0,
    notices: new Map(),
  };
  const seenUrls = new Set<string>();
  const stop = (reason: ReadGap['reason'], params: ReadGapParams): void =>
    void out.gaps.push(readGap(spec.resourceType, reason, params, spec.path));
  let ended = false;

  /** Takes one page in order; the next URL to read, or undefined at the end or at a fault. */
  const take = (page: PageResult, expected?: string): string | undefined => {
    if (page.kind === 'gap') {
      out.gaps.push(page.gap);
      return undefined;
    }
    const bundle = page.bundle;
    out.pages += 1;
    if (out.pages === 1 && typeof bundle.total === 'number') out.total = bundle.total;
    const newMatches = absorb(bundle, spec, got, out);
    opts.onPage?.({ newMatches, pageNumber: out.pages, ...(out.total !== undefined ? { total: out.total } : {}) });
    const next = nextLink(bundle, http.baseUrl);
    if (next.kind === 'refused') {
      stop('truncated', { what: 'next-link', link: next.why });
      return undefined;
    }
    if (next.kind === 'none') {
      ended = true;
      return undefined;
    }
    if (expected !== undefined && samePage(next.url, expected)) return expected;
    if (seenUrls.has(next.url)) {
      stop('truncated', { what: 'next-repeats' });
      return undefined;
    }
    return next.url;
  };

  let url: string | undefined = spec.path;
  while (url !== undefined) {
    if (out.pages >= opts.maxPages) {
      stop('truncated', { what: 'page-limit', pages: out.pages });
      break;
    }
    seenUrls.add(url);
    const first = out.pages === 0;
    url = take(await readPage(http, url, first, spec, out, opts));
    if (url === undefined || out.pages !== 1 || out.total === undefined) continue;
    // Offset paging with a total: every remaining page can be named now, and asked for at once.
    const plan = offsetPlan(url, out.total, opts.maxPages - 1);
    if (!plan) continue;
    const pages = await Promise.all(plan.urls.map((u) => readPage(http, u, false, spec, out, opts, false)));
    out.roundTrips += 1;
    for (let i = 0; i < pages.length; i += 1) {
      seenUrls.add(plan.urls[i]!);
      const expected = plan.urls[i + 1];
      url = take(pages[i]!, expected);
      // Past the plan (a total that was low), or a link other than the one planned: follow it page by page.
      if (url === undefined || expected === undefined || url !== expected) break;
    }
  }
  finish(spec, got, out, ended);
  return out;
}

/** Reads one page (the first one retried without _include when refused) and checks it is a search Bundle. */
async function readPage(
  http: FhirHttp,
  url: string,
  first: boolean,
  spec: SearchSpec,
  out: SearchOutcome,
  opts: PagingOptions,
  ownTrip = true,
): Promise<PageResult> {
  const get = (u: string): Promise<HttpAnswer> => {
    out.requests += 1;
    if (ownTrip) out.roundTrips += 1;
    return fhirRequest(
      http,
      u,
      { method: 'GET' },
      { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) },
    );
  };
  let answer = await get(url);
  // Some servers reject an _include they do not support with 400; the search without it is still worth having
  // (medications it would have included are then read by reference).
  if (first && answer.kind === 'answered' && answer.status === 400 && url.includes('_include=')) {
    answer = await get(url.replace(/&_include=[^&]*/g, ''));
  }
  // A later page that fails cuts the search short: how many matches came before it is part of the facts.
  const page: ProblemParams = first ? {} : { further: 1, read: out.matches.length };
  if (answer.kind !== 'answered' || !isSuccess(answer.status)) {
    const reason =
      first || (answer.kind === 'answered' && answer.status === 401) ? reasonForAnswer(answer) : 'truncated';
    const params = { what: 'search-failed' as const, ...answerFacts(answer), ...page };
    return { kind: 'gap', gap: readGap(spec.resourceType, reason, params, spec.path) };
  }
  const bundle = asSearchBundle(answer);
  if ('body' in bundle) {
    const params = { what: 'search-body' as const, ...bundle, ...page };
    return { kind: 'gap', gap: readGap(spec.resourceType, first ? 'malformed' : 'truncated', params, spec.path) };
  }
  return { kind: 'bundle', bundle };
}

/** Adds a page's entries; returns how many new matches it brought. */
function absorb(bundle: Bundle, spec: SearchSpec, got: Collected, out: SearchOutcome): number {
  let newMatches = 0;
  for (const entry of bundle.entry ?? []) {
    const checked = checkEntry(entry, spec);
    if (checked === 'malformed') {
      got.malformed += 1;
      continue;
    }
    if ('outcome' in checked) {
      const notice = outcomeNotice(checked.outcome);
      if (notice) got.notices.set(`${notice.severity}|${notice.codes}|${notice.text ?? ''}`, notice);
      continue;
    }
    const { resource } = checked;
    const isMatch = resource.resourceType === spec.resourceType;
    if (
      isMatch &&
      spec.patientId !== undefined &&
      isOtherPatients(resource as never, spec.resourceType, spec.patientId)
    ) {
      got.otherPatient += 1;
      continue;
    }
    const key = `${resource.resourceType}/${resource.id}`;
    const versions = got.versions.get(key);
    if (versions?.some((v) => sameJson(v, resource))) continue; // the same record again (e.g. repeated on a page)
    if (versions) {
      versions.push(resource);
      got.conflicting.add(key);
    } else {
      got.versions.set(key, [resource]);
    }
    if (isMatch) {
      got.matchIds.add(resource.id);
      out.matches.push(resource);
      newMatches += 1;
    } else {
      out.included.push(resource);
    }
  }
  return newMatches;
}

/** The gaps that only the whole search can show: skipped entries, warnings, versions, an unreachable total. */
function finish(spec: SearchSpec, got: Collected, out: SearchOutcome, ended: boolean): void {
  const add = (reason: ReadGap['reason'], params: ReadGapParams, count?: number): ReadGap => {
    const g = readGap(spec.resourceType, reason, params, spec.path, count);
    out.gaps.push(g);
    return g;
  };
  if (got.malformed > 0) add('malformed', { what: 'entries-malformed' }, got.malformed);
  for (const n of got.notices.values()) {
    const facts = { what: 'server-warning' as const, level: n.severity, issues: n.codes };
    const g = add('server-warning', n.text ? { ...facts, technical: n.text } : facts);
    if (n.text) out.quoted.push({ gap: g, text: n.text });
  }
  if (got.otherPatient > 0) add('wrong-patient', { what: 'other-patient' }, got.otherPatient);
  if (got.conflicting.size > 0) add('inconsistent', { what: 'versions' }, got.conflicting.size);
  // A total only counts matches (FHIR R4 Bundle.total); entries left out above still count as sent.
  const reached = got.matchIds.size + got.otherPatient + got.malformed;
  if (ended && out.total !== undefined && reached < out.total) {
    add('inconsistent', { what: 'total-short', total: out.total, reached });
  }
}

/** Why a body is not a search result: not JSON, an OperationOutcome (with its issue codes), no Bundle, no list. */
type NotABundle = { body: 'not-json' | 'not-bundle' | 'entries-not-list' } | { body: 'outcome'; issues?: string };

/** The body as a search Bundle, or why it is not one. */
function asSearchBundle(answer: HttpAnswer & { kind: 'answered' }): Bundle | NotABundle {
  if (answer.notJson) return { body: 'not-json' };
  const body = answer.json;
  if (isOperationOutcome(body)) {
    const issues = outcomeCodes(body);
    return { body: 'outcome', ...(issues ? { issues } : {}) };
  }
  if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'Bundle') {
    return { body: 'not-bundle' };
  }
  const entry = (body as { entry?: unknown }).entry;
  if (entry !== undefined && !Array.isArray(entry)) return { body: 'entries-not-list' };
  return body as Bundle;
}

type CheckedEntry = { resource: Resource & { id: string } } | { outcome: Record<string, unknown> } | 'malformed';

function checkEntry(entry: unknown, spec: SearchSpec): CheckedEntry {
  if (typeof entry !== 'object' || entry === null) return 'malformed';
  const resource = (entry as { resource?: unknown }).resource;
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) return 'malformed';
  const type = (resource as { resourceType?: unknown }).resourceType;
  // An OperationOutcome entry (search.mode "outcome") is the server speaking about the results, not chart data.
  if (type === 'OperationOutcome') return { outcome: resource as Record<string, unknown> };
  if (type !== spec.resourceType && !spec.includeTypes.includes(type as ChartResourceType)) return 'malformed';
  const id = (resource as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '') return 'malformed';
  return { resource: resource as Resource & { id: string } };
}

/** A next-page link not followed: none given, not an address, or an address on another server. */
type NextLink =
  | { kind: 'none' }
  | { kind: 'next'; url: string }
  | { kind: 'refused'; why: 'no-address' | 'invalid' | 'other-server' };

/**
 * The next-page link, if any. Followed only when it stays under the FHIR base: the port attaches the access token
 * to every request, so a link elsewhere would hand the token to another server.
 */
export function nextLink(bundle: Bundle, baseUrl: string): NextLink {
  const link = Array.isArray(bundle.link) ? bundle.link.find((l) => l?.relation === 'next') : undefined;
  if (!link) return { kind: 'none' };
  if (typeof link.url !== 'string' || link.url === '') return { kind: 'refused', why: 'no-address' };
  let resolved: URL;
  try {
    resolved = new URL(link.url, `${baseUrl}/`);
  } catch {
    return { kind: 'refused', why: 'invalid' };
  }
  if (!isUnderBase(resolved.href, baseUrl)) return { kind: 'refused', why: 'other-server' };
  return { kind: 'next', url: resolved.href };
}

/** True when `url` is the FHIR base itself or an address below it (not merely sharing a prefix). */
export function isUnderBase(url: string, baseUrl: string): boolean {
  return url === baseUrl || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`);
}
