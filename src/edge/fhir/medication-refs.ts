/**
 * Medications that orders, statements, dispenses and administrations point to but the searches did not include
 * (a server may ignore `_include`, or a page may end between a resource and its Medication). Each is read once,
 * in as few round trips as possible: a batch Bundle of reads, or parallel reads where batch is not supported.
 */
import type { Bundle, Medication, Resource } from 'fhir/r4';
import { readGap, type ReadGap } from '../../core/chart.ts';
import type { ProblemParams } from '../../core/problem.ts';
import type { FhirHttp } from '../types.ts';
import { fhirRequest, isSuccess, type HttpAnswer } from './request.ts';
import { answerFacts } from './gaps.ts';
import { isUnderBase } from './bundle-paging.ts';
import { referenceId } from '../../core/fhir/references.ts';

/** Where a medicationReference points. */
export type MedicationPointer =
  { kind: 'contained'; id: string } | { kind: 'server'; id: string } | { kind: 'elsewhere' };

/** Classifies a medicationReference.reference string (relative, absolute under the base, or contained). */
export function medicationPointer(reference: string, baseUrl: string): MedicationPointer {
  if (reference.startsWith('#')) return { kind: 'contained', id: reference.slice(1) };
  let relative = reference;
  if (/^https?:\/\//i.test(reference)) {
    if (!isUnderBase(reference, baseUrl)) return { kind: 'elsewhere' };
    relative = reference.slice(baseUrl.length + 1);
  }
  const id = referenceId(relative, 'Medication', 'versioned');
  return id ? { kind: 'server', id } : { kind: 'elsewhere' };
}

type MedicationUser = Resource & { medicationReference?: { reference?: string }; contained?: Resource[] };

export interface MissingMedications {
  /** Server ids to read, each once, with how many resources point to it. */
  toRead: Map<string, number>;
  /** References that cannot be resolved at all (another server, a missing contained resource, a bad form). */
  gaps: ReadGap[];
}

/** Finds the Medication references not answered by `known` (keys "Medication/<id>") or by contained resources. */
export function findMissingMedications(
  users: readonly MedicationUser[],
  known: ReadonlySet<string>,
  baseUrl: string,
): MissingMedications {
  const toRead = new Map<string, number>();
  const unresolvable = new Map<string, { count: number; why: 'medication-ref-contained' | 'medication-ref-outside' }>();
  for (const user of users) {
    const reference = user.medicationReference?.reference;
    if (typeof reference !== 'string' || reference === '') continue; // display-only: the core judges it readable or not
    const pointer = medicationPointer(reference, baseUrl);
    if (pointer.kind === 'server') {
      if (!known.has(`Medication/${pointer.id}`)) toRead.set(pointer.id, (toRead.get(pointer.id) ?? 0) + 1);
      continue;
    }
    if (pointer.kind === 'contained') {
      const found =
        Array.isArray(user.contained) &&
        user.contained.some((c) => c?.resourceType === 'Medication' && c.id === pointer.id);
      if (found) continue;
    }
    const key = pointer.kind === 'contained' ? `${user.resourceType}/${user.id ?? '?'}${reference}` : reference;
    const why = pointer.kind === 'contained' ? 'medication-ref-contained' : 'medication-ref-outside';
    const prior = unresolvable.get(key);
    unresolvable.set(key, { count: (prior?.count ?? 0) + 1, why });
  }
  const gaps = [...unresolvable].map(([target, { count, why }]) =>
    readGap('Medication', 'unresolved-reference', { what: why }, target, count),
  );
  return { toRead, gaps };
}

export interface FetchOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Reads per batch Bundle (default 100). */
  batchSize?: number;
  /** At most this many parallel reads when batch is not supported (default 8). */
  concurrency?: number;
}

export interface FetchedMedications {
  medications: Medication[];
  gaps: ReadGap[];
  requests: number;
  /** Sequential round trips this took (a batch and its fallback reads are two). */
  roundTrips: number;
}

/** Reads the given Medication ids: batch first, parallel reads for any batch the server would not take. */
export async function fetchMedications(
  http: FhirHttp,
  toRead: ReadonlyMap<string, number>,
  opts: FetchOptions,
): Promise<FetchedMedications> {
  const ids = [...toRead.keys()];
  const out: FetchedMedications = { medications: [], gaps: [], requests: 0, roundTrips: 0 };
  if (ids.length === 0) return out;
  const size = Math.max(1, opts.batchSize ?? 100);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  out.roundTrips = 1;
  const results = await Promise.all(chunks.map((chunk) => readBatch(http, chunk, opts)));
  const fallback: string[] = [];
  for (const r of results) {
    out.requests += 1;
    if (r.kind === 'unsupported') fallback.push(...r.ids);
    else {
      out.medications.push(...r.medications);
      for (const [id, why] of r.failed) out.gaps.push(unreadable(id, why, toRead.get(id) ?? 1));
    }
  }
  if (fallback.length > 0) {
    out.roundTrips += Math.ceil(fallback.length / Math.max(1, opts.concurrency ?? 8));
    out.requests += fallback.length;
    const reads = await pool(fallback, opts.concurrency ?? 8, (id) => readOne(http, id, opts));
    reads.forEach((r, i) => {
      const id = fallback[i]!;
      if (isMedication(r)) out.medications.push(r);
      else out.gaps.push(unreadable(id, r, toRead.get(id) ?? 1));
    });
  }
  return out;
}

const isMedication = (r: Medication | ProblemParams): r is Medication => r.resourceType === 'Medication';

/** Medication/<id>, named by `count` records, could not be read: `why` is how its read ended (answer facts). */
function unreadable(id: string, why: ProblemParams, count: number): ReadGap {
  return readGap(
    'Medication',
    'unresolved-reference',
    { ...why, what: 'medication-failed' },
    `Medication/${id}`,
    count,
  );
}

type BatchResult =
  | { kind: 'unsupported'; ids: string[] }
  | { kind: 'read'; medications: Medication[]; failed: Map<string, ProblemParams> };

async function readBatch(http: FhirHttp, ids: string[], opts: FetchOptions): Promise<BatchResult> {
  const body: Bundle = {
    resourceType: 'Bundle',
    type: 'batch',
    entry: ids.map((id) => ({ request: { method: 'GET', url: `Medication/${encodeURIComponent(id)}` } })),
  };
  const answer = await fhirRequest(
    http,
    http.baseUrl,
    { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/fhir+json' } },
    requestOpts(opts),
  );
  if (answer.kind === 'aborted')
    return { kind: 'read', medications: [], failed: new Map(ids.map((id) => [id, { answer: 'aborted' }])) };
  const response = answer.kind === 'answered' && isSuccess(answer.status) ? answer.json : undefined;
  const entries = (response as Bundle | undefined)?.entry;
  if (
    (response as Bundle | undefined)?.type !== 'batch-response' ||
    !Array.isArray(entries) ||
    entries.length !== ids.length
  ) {
    return { kind: 'unsupported', ids };
  }
  const medications: Medication[] = [];
  const failed = new Map<string, ProblemParams>();
  entries.forEach((entry, i) => {
    const id = ids[i]!;
    const status = Number.parseInt(String(entry?.response?.status ?? ''), 10);
    const resource = entry?.resource as Medication | undefined;
    if (isSuccess(status) && resource?.resourceType === 'Medication' && resource.id === id) medications.push(resource);
    else if (Number.isFinite(status) && !isSuccess(status)) failed.set(id, { answer: 'status', status });
    else failed.set(id, { answer: 'not-medication' });
  });
  return { kind: 'read', medications, failed };
}

async function readOne(http: FhirHttp, id: string, opts: FetchOptions): Promise<Medication | ProblemParams> {
  const answer: HttpAnswer = await fhirRequest(
    http,
    `Medication/${encodeURIComponent(id)}`,
    { method: 'GET' },
    requestOpts(opts),
  );
  if (answer.kind !== 'answered' || !isSuccess(answer.status)) return answerFacts(answer);
  const resource = answer.json as Medication | undefined;
  if (resource?.resourceType !== 'Medication' || resource.id !== id) return { answer: 'not-medication' };
  return resource;
}

function requestOpts(opts: FetchOptions): { timeoutMs: number; signal?: AbortSignal } {
  return { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
