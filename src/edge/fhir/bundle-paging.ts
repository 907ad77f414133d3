/**
 * One FHIR search followed through every `next` link, pages in sequence (each link comes from the previous page),
 * with every fault turned into a gap. Entries are checked just enough to be safe to hand on: an object with an id
 * and an expected resourceType; anything else is skipped and counted.
 */
import type { Bundle, Resource } from 'fhir/r4';
import type { ChartResourceType, ReadGap } from '../../core/chart.ts';
import type { FhirHttp } from '../types.ts';
import { fhirRequest, isSuccess, type HttpAnswer } from './request.ts';
import { describeAnswer, gap, reasonForAnswer } from './gaps.ts';
import { isOperationOutcome, outcomeCodes } from './operation-outcome.ts';

export interface SearchSpec {
  /** The type searched for; entries of this type are the matches. */
  resourceType: ChartResourceType;
  /** First page, relative to the FHIR base, e.g. "Condition?patient=123&_count=1000". */
  path: string;
  /** Other types the search may include (`_include`), e.g. ["Medication"]. */
  includeTypes: readonly ChartResourceType[];
  /** A label for gaps, e.g. "Condition search". Defaults to "<type> search". */
  label?: string;
}

export interface PagingOptions {
  timeoutMs: number;
  maxPages: number;
  signal?: AbortSignal;
  /** Called after each page that was read, with how many new matches it brought. */
  onPage?: (page: { newMatches: number; total?: number; pageNumber: number }) => void;
}

export interface SearchOutcome {
  spec: SearchSpec;
  /** Matches, deduplicated by id, in server order. */
  matches: Resource[];
  /** Included resources (e.g. Medication), deduplicated by type and id. */
  included: Resource[];
  /** Bundle.total of the first page, when given. */
  total?: number;
  /** Pages read successfully. */
  pages: number;
  /** Requests sent, including any that failed. */
  requests: number;
  gaps: ReadGap[];
}

/** Reads a search to its end (or to its first fault). Never throws. */
export async function searchAllPages(http: FhirHttp, spec: SearchSpec, opts: PagingOptions): Promise<SearchOutcome> {
  const label = spec.label ?? `${spec.resourceType} search`;
  const out: SearchOutcome = { spec, matches: [], included: [], pages: 0, requests: 0, gaps: [] };
  const matchIds = new Set<string>();
  const includedKeys = new Set<string>();
  const seenUrls = new Set<string>();
  let malformed = 0;
  let url: string | undefined = spec.path;

  while (url !== undefined) {
    if (out.pages >= opts.maxPages) {
      out.gaps.push(gap(spec.resourceType, 'truncated', `${label} stopped after ${out.pages} pages (the page limit); the rest was not read`, spec.path));
      break;
    }
    seenUrls.add(url);
    let answer = await get(http, url, opts, out);
    // Some servers reject an _include they do not support with 400; the search without it is still worth having
    // (medications it would have included are then read by reference).
    if (out.pages === 0 && answer.kind === 'answered' && answer.status === 400 && url.includes('_include=')) {
      url = url.replace(/&_include=[^&]*/g, '');
      answer = await get(http, url, opts, out);
    }
    const first = out.pages === 0;
    const where = first ? label : `${label}, page ${out.pages + 1},`;
    if (answer.kind !== 'answered' || !isSuccess(answer.status)) {
      const reason = first || (answer.kind === 'answered' && answer.status === 401) ? reasonForAnswer(answer) : 'truncated';
      const after = first ? '' : ` after ${out.matches.length} ${spec.resourceType} resources; the rest was not read`;
      out.gaps.push(gap(spec.resourceType, reason, `${where} ${describeAnswer(answer)}${after}`, spec.path));
      break;
    }
    const bundle = asSearchBundle(answer);
    if (typeof bundle === 'string') {
      const after = first ? '' : ` after ${out.matches.length} ${spec.resourceType} resources; the rest was not read`;
      out.gaps.push(gap(spec.resourceType, first ? 'malformed' : 'truncated', `${where} ${bundle}${after}`, spec.path));
      break;
    }
    out.pages += 1;
    if (first && typeof bundle.total === 'number') out.total = bundle.total;
    let newMatches = 0;
    for (const entry of bundle.entry ?? []) {
      const checked = checkEntry(entry, spec);
      if (checked === 'skip') continue;
      if (checked === 'malformed') {
        malformed += 1;
        continue;
      }
      const { resource } = checked;
      if (resource.resourceType === spec.resourceType) {
        if (matchIds.has(resource.id!)) continue;
        matchIds.add(resource.id!);
        out.matches.push(resource);
        newMatches += 1;
      } else {
        const key = `${resource.resourceType}/${resource.id}`;
        if (includedKeys.has(key)) continue;
        includedKeys.add(key);
        out.included.push(resource);
      }
    }
    opts.onPage?.({ newMatches, pageNumber: out.pages, ...(out.total !== undefined ? { total: out.total } : {}) });
    const next = nextLink(bundle, http.baseUrl);
    if (next.kind === 'refused') {
      out.gaps.push(gap(spec.resourceType, 'truncated', `${label} gave a next-page link ${next.why}; the rest was not read`, spec.path));
      break;
    }
    url = next.kind === 'next' ? next.url : undefined;
    if (url !== undefined && seenUrls.has(url)) {
      out.gaps.push(gap(spec.resourceType, 'truncated', `${label} gave a next-page link that repeats an earlier page; the rest was not read`, spec.path));
      break;
    }
  }
  if (malformed > 0) {
    const what = malformed === 1 ? '1 entry was' : `${malformed} entries were`;
    out.gaps.push(gap(spec.resourceType, 'malformed', `${label}: ${what} not a readable ${spec.resourceType} and skipped`, spec.path, malformed));
  }
  return out;
}

function get(http: FhirHttp, url: string, opts: PagingOptions, out: SearchOutcome): Promise<HttpAnswer> {
  out.requests += 1;
  return fhirRequest(http, url, { method: 'GET' }, { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
}

/** The body as a search Bundle, or why it is not one. */
function asSearchBundle(answer: HttpAnswer & { kind: 'answered' }): Bundle | string {
  if (answer.notJson) return 'answered with something that is not JSON';
  const body = answer.json;
  if (isOperationOutcome(body)) {
    const codes = outcomeCodes(body);
    return `answered with an error report instead of results${codes ? ` (issue: ${codes})` : ''}`;
  }
  if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'Bundle') {
    return 'answered with something that is not a FHIR Bundle';
  }
  const entry = (body as { entry?: unknown }).entry;
  if (entry !== undefined && !Array.isArray(entry)) return 'answered with a Bundle whose entries are not a list';
  return body as Bundle;
}

type CheckedEntry = { resource: Resource & { id: string } } | 'skip' | 'malformed';

function checkEntry(entry: unknown, spec: SearchSpec): CheckedEntry {
  if (typeof entry !== 'object' || entry === null) return 'malformed';
  const resource = (entry as { resource?: unknown }).resource;
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) return 'malformed';
  const type = (resource as { resourceType?: unknown }).resourceType;
  // Servers may add an OperationOutcome entry (search.mode "outcome") with warnings: not chart data.
  if (type === 'OperationOutcome') return 'skip';
  if (type !== spec.resourceType && !spec.includeTypes.includes(type as ChartResourceType)) return 'malformed';
  const id = (resource as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '') return 'malformed';
  return { resource: resource as Resource & { id: string } };
}

type NextLink = { kind: 'none' } | { kind: 'next'; url: string } | { kind: 'refused'; why: string };

/**
 * The next-page link, if any. Followed only when it stays under the FHIR base: the port attaches the access token
 * to every request, so a link elsewhere would hand the token to another server.
 */
export function nextLink(bundle: Bundle, baseUrl: string): NextLink {
  const link = Array.isArray(bundle.link) ? bundle.link.find((l) => l?.relation === 'next') : undefined;
  if (!link) return { kind: 'none' };
  if (typeof link.url !== 'string' || link.url === '') return { kind: 'refused', why: 'without an address' };
  let resolved: URL;
  try {
    resolved = new URL(link.url, `${baseUrl}/`);
  } catch {
    return { kind: 'refused', why: 'that is not a valid address' };
  }
  if (!isUnderBase(resolved.href, baseUrl)) return { kind: 'refused', why: 'to another server (not followed, to keep the access token there)' };
  return { kind: 'next', url: resolved.href };
}

/** True when `url` is the FHIR base itself or an address below it (not merely sharing a prefix). */
export function isUnderBase(url: string, baseUrl: string): boolean {
  return url === baseUrl || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`);
}
