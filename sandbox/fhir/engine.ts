/**
 * The sandbox's FHIR R4 engine, transport-free: @medplum/fhir-router's FhirRouter over a SandboxRepository, plus
 * the thin layer of shared/research/sandbox-fhir-engine.md (metadata, 404 on unknown types, complete search
 * Bundles, _include, bare ids, validation, server-assigned ids). The HTTP server and MSW tests both call `handle`.
 */
import {
  badRequest,
  getStatus,
  isResourceType,
  normalizeOperationOutcome,
  notFound,
  OperationOutcomeError,
} from '@medplum/core';
import { FhirRouter, type HttpMethod } from '@medplum/fhir-router';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { runBatch } from './batch.ts';
import { capabilityStatement, type SmartSecurity } from './capability.ts';
import { ensureDefinitions, SUPPORTED_TYPES } from './definitions.ts';
import { SandboxRepository } from './repository.ts';
import { normaliseQuery, searchType, type Query } from './search.ts';
import { stripTrailingSlashes, trimSlashes } from '../../src/core/fhir/systems.ts';

export interface EngineRequest {
  method: string;
  /** Path after the FHIR base, with query, e.g. "MedicationRequest?patient=p1" (a leading "/" is accepted). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The FHIR base the client used (for fullUrl, links, Location); defaults to the engine's `baseUrl`. */
  baseUrl?: string;
}

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface FhirEngine {
  handle(req: EngineRequest): Promise<EngineResponse>;
  /** Stores resources as given (ids kept, no validation: trusted fixtures), in order. */
  load(resources: readonly unknown[]): Promise<void>;
  /** The repository, for tests and the server's compartment checks. */
  readonly repo: SandboxRepository;
}

export interface EngineOptions {
  /** Default FHIR base for URLs in responses. */
  baseUrl?: string;
  /** SMART endpoints to advertise in metadata for a given base (undefined: an open base). */
  securityFor?: (baseUrl: string) => SmartSecurity | undefined;
  /**
   * Accept batch Bundles at the base (default false, as many EHRs: a client must then fall back to single reads).
   * The sandbox server turns it on.
   */
  batch?: boolean;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function outcomeResponse(outcome: OperationOutcome, status = getStatus(outcome)): EngineResponse {
  return { status, headers: { 'content-type': FHIR_JSON }, body: outcome };
}

function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

/** Creates an engine with its own in-memory data. Indexes the R4 definitions on first use (~1.5 s per process). */
export function createFhirEngine(opts: EngineOptions = {}): FhirEngine {
  ensureDefinitions();
  const repo = new SandboxRepository();
  const router = new FhirRouter();
  const defaultBase = stripTrailingSlashes(opts.baseUrl ?? 'http://localhost/fhir');

  async function route(req: EngineRequest): Promise<EngineResponse> {
    const baseUrl = stripTrailingSlashes(req.baseUrl ?? defaultBase);
    const method = req.method.toUpperCase() as HttpMethod;
    const parsed = new URL(req.url.replace(/^\/+/, ''), 'http://engine.invalid/');
    const path = trimSlashes(parsed.pathname);
    const segments = path === '' ? [] : path.split('/').map(decodeURIComponent);
    const query: Query = [...parsed.searchParams.entries()];
    const headers = lowerCaseHeaders(req.headers);

    if (segments[0] === 'metadata' && segments.length === 1) {
      if (method !== 'GET') return outcomeResponse(badRequest('metadata is read-only'), 405);
      return {
        status: 200,
        headers: { 'content-type': FHIR_JSON },
        body: capabilityStatement(baseUrl, opts.securityFor?.(baseUrl), opts.batch === true),
      };
    }
    const type = segments[0];
    if (!type) {
      if (method === 'POST' && segments.length === 0 && opts.batch)
        return runBatch(parseJsonBody(req.body), baseUrl, (entry) => safeRoute(entry));
      return outcomeResponse(
        badRequest('System-level interactions (search-system, and batch unless enabled) are not supported'),
        400,
      );
    }
    if (!isResourceType(type) || !SUPPORTED_TYPES.has(type)) {
      const text = isResourceType(type) ? `This sandbox does not serve ${type}` : `Unknown resource type "${type}"`;
      return outcomeResponse(
        { ...notFound, issue: [{ severity: 'error', code: 'not-found', details: { text } }] },
        404,
      );
    }

    const isSearch =
      (method === 'GET' && segments.length === 1) ||
      (method === 'POST' && segments.length === 2 && segments[1] === '_search');
    if (isSearch) {
      const formQuery: Query =
        method === 'POST' && typeof req.body === 'string' ? [...new URLSearchParams(req.body).entries()] : [];
      const bundle = await searchType(repo, baseUrl, type, [...query, ...formQuery]);
      return { status: 200, headers: { 'content-type': FHIR_JSON }, body: bundle };
    }

    let body = req.body;
    if (typeof body === 'string' && body.trim() !== '') {
      try {
        body = JSON.parse(body);
      } catch {
        return outcomeResponse(badRequest('The body is not valid JSON'), 400);
      }
    }
    if ((method === 'POST' || method === 'PUT') && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      return outcomeResponse(badRequest('A FHIR resource body is required'), 400);
    }
    if (method === 'POST' && segments.length === 1) {
      // Real servers assign their own ids on create (research item 7).
      const { id: _ignored, ...rest } = body as Record<string, unknown>;
      body = rest;
      if (headers['if-none-exist']) {
        // Check the condition's parameters like a search, so a typo is a 400 instead of a silent new resource.
        headers['if-none-exist'] = new URLSearchParams(normaliseCondition(type, headers['if-none-exist'])).toString();
      }
    }
    let routedUrl = req.url.replace(/^\/+/, '');
    if (segments.length === 1 && query.length > 0 && (method === 'PUT' || method === 'DELETE' || method === 'PATCH')) {
      // Conditional update/delete/patch: the condition is a search, checked like one (unknown parameter = 400).
      routedUrl = `${type}?${new URLSearchParams(normaliseQuery(type, query)).toString()}`;
    }
    const [outcome, resource] = await router.handleRequest(
      { method, url: routedUrl, pathname: '', params: {}, query: {}, body, headers },
      repo,
    );
    const status = getStatus(outcome);
    if (!resource) return outcomeResponse(outcome, status);
    const out: Record<string, string> = { 'content-type': FHIR_JSON };
    const r = resource as Resource;
    if (r.meta?.versionId) out['etag'] = `W/"${r.meta.versionId}"`;
    if (r.meta?.lastUpdated) out['last-modified'] = new Date(r.meta.lastUpdated).toUTCString();
    if (status === 201 && r.id)
      out['location'] = `${baseUrl}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId ?? '1'}`;
    return { status, headers: out, body: resource };
  }

  /** One catch per request: expected failures arrive as OperationOutcomeError, anything else becomes a 500. */
  async function safeRoute(req: EngineRequest): Promise<EngineResponse> {
    try {
      return await route(req);
    } catch (e) {
      const outcome = e instanceof OperationOutcomeError ? e.outcome : normalizeOperationOutcome(e);
      return outcomeResponse(outcome);
    }
  }

  return {
    repo,
    handle: safeRoute,
    async load(resources) {
      repo.validateWrites = false;
      try {
        for (const r of resources) await repo.createResource(r as Resource);
      } finally {
        repo.validateWrites = true;
      }
    },
  };
}

function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function normaliseCondition(type: string, condition: string): Query {
  return normaliseQuery(type, [...new URLSearchParams(condition).entries()]);
}
