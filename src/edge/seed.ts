/**
 * Loads synthetic patients into an open FHIR server idempotently (issue 5 item 4): every resource gets a stable
 * identifier (system SEED_IDENTIFIER_SYSTEM, value "<Type>/<fixture id>") and is POSTed with
 * `If-None-Exist: identifier=<system>|<value>` (FHIR R4 http.html "Conditional create"), so a second run finds
 * everything and creates nothing. References between fixture resources are rewritten to the ids the server
 * assigned. Each resource is created through the app's own create-once (src/edge/fhir/create-once.ts: a lost
 * answer or a 5xx is checked by identifier before any retry). Failures are collected per resource as Problems,
 * never thrown, and worded by the command (src/entry/cli/strings.ts).
 */
import type { Resource } from 'fhir/r4';
import type { FhirHttp } from './types.ts';
import { createOnce as createOnceIn, type CreateCause } from './fhir/create-once.ts';
import { problem, type Problem, type SeedCode } from '../core/problem.ts';
import { stripTrailingSlashes } from '../core/fhir/systems.ts';

/** Identifier system marking resources created by the seed command. */
export const SEED_IDENTIFIER_SYSTEM = 'urn:ldn-app:synthetic';

/** What the seeder needs of a synthetic patient (fixtures/patients.ts SyntheticPatient fits). */
export interface SeedPatient {
  key: string;
  patient: Resource;
  resources: Resource[];
}

export type SeedOutcome = 'created' | 'existing' | 'failed' | 'skipped';

export interface SeedResourceResult {
  /** "<Type>/<fixture id>". */
  fixtureRef: string;
  outcome: SeedOutcome;
  /** "<Type>/<server id>" when created or found. */
  serverRef?: string;
  /** Why a resource failed (a create/* cause) or was skipped (seed/*). */
  problem?: CreateCause | Problem<SeedCode>;
}

export interface SeedPatientResult {
  key: string;
  /** The Patient's id on the server, when it was created or found. */
  patientId?: string;
  resources: SeedResourceResult[];
}

export interface SeedOptions {
  /** Requests in flight at once (default 6). */
  concurrency?: number;
  /** Deadline of each request in ms (default 20 000). */
  timeoutMs?: number;
  /** Called after each patient, for progress output. */
  onPatient?: (result: SeedPatientResult) => void;
}

const refOf = (r: Resource) => `${r.resourceType}/${r.id ?? ''}`;

/** A copy of the resource with the seed identifier added (kept once) and no id (the server assigns one). */
export function withSeedIdentifier(resource: Resource): Resource {
  const value = refOf(resource);
  const copy = structuredClone(resource) as Resource & { identifier?: Array<{ system?: string; value?: string }> };
  delete copy.id;
  delete copy.meta;
  const others = (copy.identifier ?? []).filter((i) => i.system !== SEED_IDENTIFIER_SYSTEM);
  copy.identifier = [...others, { system: SEED_IDENTIFIER_SYSTEM, value }];
  return copy;
}

/** Rewrites every `reference` "Type/fixtureId" found in the map to the server's "Type/id"; others are kept. */
export function rewriteReferences<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteReferences(v, map)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'reference' && typeof v === 'string' && map.has(v) ? map.get(v) : rewriteReferences(v, map);
  }
  return out as T;
}

/** Sends one resource through create-once, with its seed identifier. */
async function createOnce(
  http: FhirHttp,
  resource: Resource,
  map: ReadonlyMap<string, string>,
  timeoutMs: number,
): Promise<SeedResourceResult> {
  const fixtureRef = refOf(resource);
  const body = rewriteReferences(withSeedIdentifier(resource), map);
  const created = await createOnceIn(http, body, { system: SEED_IDENTIFIER_SYSTEM, value: fixtureRef }, { timeoutMs });
  switch (created.kind) {
    case 'created':
    case 'existed':
      return {
        fixtureRef,
        outcome: created.kind === 'created' ? 'created' : 'existing',
        serverRef: `${resource.resourceType}/${created.id}`,
      };
    default: {
      // The server's own words (an OperationOutcome's text) go with the cause, for the command to quote.
      const { cause } = created;
      const withText =
        created.outcome !== undefined ? { ...cause, params: { ...cause.params, technical: created.outcome } } : cause;
      return { fixtureRef, outcome: 'failed', problem: withText };
    }
  }
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Fixture references ("Type/id") inside a resource that point at other resources of the same patient. */
function dependencies(resource: Resource, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reference' && typeof x === 'string' && known.has(x) && x !== refOf(resource)) found.add(x);
        else walk(x);
      }
    }
  };
  walk(resource);
  return [...found];
}

/**
 * Seeds one patient in waves: each wave sends the resources whose references are all resolved (the Patient and
 * Medications first, then what refers to them), so every reference can be rewritten to a server id. A resource
 * whose target failed is skipped with a reason rather than sent with a dangling reference.
 */
export async function seedPatient(
  http: FhirHttp,
  p: SeedPatient,
  concurrency = 6,
  timeoutMs = 20_000,
): Promise<SeedPatientResult> {
  const all = [p.patient, ...p.resources];
  const known = new Set(all.map(refOf));
  const deps = new Map(all.map((r) => [refOf(r), dependencies(r, known)]));
  const map = new Map<string, string>();
  const finished = new Map<string, SeedResourceResult>();
  let waiting = all;
  while (waiting.length) {
    const ready = waiting.filter((r) => (deps.get(refOf(r)) ?? []).every((d) => finished.has(d)));
    // A reference cycle (none in the fixtures) would stall: send the rest as they are.
    const wave = ready.length ? ready : waiting;
    const sendable: Resource[] = [];
    for (const r of wave) {
      const broken = (deps.get(refOf(r)) ?? []).find((d) => finished.has(d) && !map.has(d));
      if (broken)
        finished.set(refOf(r), {
          fixtureRef: refOf(r),
          outcome: 'skipped',
          problem: problem('seed/dangling', 'error', { target: broken }),
        });
      else sendable.push(r);
    }
    const done = await pool(sendable, concurrency, (r) => createOnce(http, r, map, timeoutMs));
    for (const d of done) {
      if (d.serverRef) map.set(d.fixtureRef, d.serverRef);
      finished.set(d.fixtureRef, d);
    }
    const sent = new Set(wave);
    waiting = waiting.filter((r) => !sent.has(r));
  }
  const patientRef = map.get(refOf(p.patient));
  return {
    key: p.key,
    ...(patientRef ? { patientId: patientRef.split('/')[1] } : {}),
    resources: all.map(
      (r) =>
        finished.get(refOf(r)) ?? {
          fixtureRef: refOf(r),
          outcome: 'skipped',
          problem: problem('seed/not-sent', 'error'),
        },
    ),
  };
}

/** Seeds patients one after another; never rejects for server failures (they are in the results). */
export async function seedPatients(
  http: FhirHttp,
  patients: readonly SeedPatient[],
  options: SeedOptions = {},
): Promise<SeedPatientResult[]> {
  const out: SeedPatientResult[] = [];
  for (const p of patients) {
    const result = await seedPatient(http, p, options.concurrency ?? 6, options.timeoutMs ?? 20_000);
    options.onPatient?.(result);
    out.push(result);
  }
  return out;
}

/** A standalone open-server launch of the app for a seeded patient (fhirclient reads fhirServiceUrl and patientId). */
export function openLaunchUrl(appUrl: string, fhirServiceUrl: string, patientId: string): string {
  const base = stripTrailingSlashes(appUrl);
  const query = new URLSearchParams({ fhirServiceUrl, patientId });
  return `${base}/launch/?${query.toString()}`;
}
