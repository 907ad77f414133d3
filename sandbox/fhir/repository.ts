/**
 * The sandbox's repository: @medplum/fhir-router's MemoryRepository plus validation on write and an index of
 * resources by compartment patient, so a search for one patient's orders scans that patient's resources only and
 * clones only the page it returns (MemoryRepository.search scans and clones every match of the type).
 */
import {
  deepClone,
  evalFhirPath,
  getSearchParameter,
  matchesSearchRequest,
  parseFhirPath,
  type SearchRequest,
  type WithId,
} from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { compartmentPatient } from './compartment.ts';
import { assertValidResource } from './validate.ts';

export class SandboxRepository extends MemoryRepository {
  /** Current version of every resource, by type then id (insertion order = search order without _sort). */
  private readonly current = new Map<string, Map<string, Resource>>();
  /** Ids by type, then by compartment patient reference ("Patient/x"). */
  private readonly byPatient = new Map<string, Map<string, Set<string>>>();
  /** Validate on write; switched off while loading trusted fixtures for a fast start. */
  validateWrites = true;

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    if (this.validateWrites) assertValidResource(resource);
    const stored = await super.createResource(resource);
    this.index(stored);
    return stored;
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    await super.deleteResource(resourceType, id);
    const old = this.current.get(resourceType)?.get(id);
    this.current.get(resourceType)?.delete(id);
    const patient = old ? compartmentPatient(old as never) : undefined;
    if (patient) this.byPatient.get(resourceType)?.get(patient)?.delete(id);
  }

  override clear(): void {
    super.clear();
    this.current.clear();
    this.byPatient.clear();
  }

  private index(resource: WithId<Resource>): void {
    const type = resource.resourceType;
    let byId = this.current.get(type);
    if (!byId) this.current.set(type, (byId = new Map()));
    const previous = byId.get(resource.id);
    const oldPatient = previous ? compartmentPatient(previous as never) : undefined;
    byId.set(resource.id, deepClone(resource));
    const patient = compartmentPatient(resource as never);
    let byRef = this.byPatient.get(type);
    if (!byRef) this.byPatient.set(type, (byRef = new Map()));
    if (oldPatient && oldPatient !== patient) byRef.get(oldPatient)?.delete(resource.id);
    if (patient) {
      let ids = byRef.get(patient);
      if (!ids) byRef.set(patient, (ids = new Set()));
      ids.add(resource.id);
    }
  }

  /** How many resources of a type are stored (for tests and the launcher). */
  count(resourceType: string): number {
    return this.current.get(resourceType)?.size ?? 0;
  }

  override async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const { resourceType } = searchRequest;
    const all = this.current.get(resourceType) ?? new Map<string, Resource>();
    let candidates: Iterable<Resource> = all.values();
    let filters = searchRequest.filters ?? [];
    // Fast path: an exact patient/subject filter selects from the per-patient index, which matches it exactly.
    const patientFilter = filters.find(
      (f) =>
        (f.code === 'patient' || f.code === 'subject') &&
        f.operator === 'eq' &&
        /^Patient\/[^/,]+(,Patient\/[^/,]+)*$/.test(f.value),
    );
    if (patientFilter) {
      const byRef = this.byPatient.get(resourceType);
      const ids = patientFilter.value.split(',').flatMap((ref) => [...(byRef?.get(ref) ?? [])]);
      candidates = ids.map((id) => all.get(id)).filter((r): r is Resource => r !== undefined);
      filters = filters.filter((f) => f !== patientFilter);
    }
    // Fast path: `status` and `identifier` token filters are checked on the element itself. medplum's generic
    // matcher evaluates FHIRPath per resource (~1 ms each): 3 s for an identifier check on the large chart.
    const direct = filters.filter((f) => directTokenMatcher(resourceType, f) !== undefined);
    filters = filters.filter((f) => !direct.includes(f));
    const directMatchers = direct.map((f) => directTokenMatcher(resourceType, f)!);
    const rest: SearchRequest = { ...searchRequest, filters };
    let matches: Resource[] = [];
    for (const r of candidates) {
      if (directMatchers.every((m) => m(r)) && (filters.length === 0 || matchesSearchRequest(r, rest))) matches.push(r);
    }
    for (const rule of [...(searchRequest.sortRules ?? [])].reverse()) {
      const source = getSearchParameter(resourceType, rule.code)?.expression;
      if (!source) continue;
      const expression = parseFhirPath(source);
      const keyOf = (r: Resource) => JSON.stringify(evalFhirPath(expression, r));
      const keyed = matches.map((r) => ({ r, k: keyOf(r) }));
      keyed.sort((a, b) => a.k.localeCompare(b.k) * (rule.descending ? -1 : 1));
      matches = keyed.map((x) => x.r);
    }
    const offset = searchRequest.offset ?? 0;
    const page =
      searchRequest.count === undefined ? matches.slice(offset) : matches.slice(offset, offset + searchRequest.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      ...(page.length ? { entry: page.map((r) => ({ resource: deepClone(r) as WithId<T> })) } : {}),
    };
  }

  /** A stored resource by reference ("Type/id"), uncloned; for _include resolution and compartment checks. */
  peek(reference: string): Resource | undefined {
    const [type, id, extra] = reference.split('/');
    if (!type || !id || extra !== undefined) return undefined;
    return this.current.get(type)?.get(id);
  }
}

type Filter = NonNullable<SearchRequest['filters']>[number];

/**
 * A direct matcher for `status=a,b` and `identifier=[system|]value` (no modifier) when the search parameter of this
 * type is the plain element (`<Type>.status`, `<Type>.identifier`); undefined when the generic matcher must decide.
 */
function directTokenMatcher(resourceType: string, filter: Filter): ((r: Resource) => boolean) | undefined {
  if (filter.operator !== 'eq' || (filter.code !== 'status' && filter.code !== 'identifier')) return undefined;
  const expression = getSearchParameter(resourceType, filter.code)?.expression ?? '';
  const paths = expression.split('|').map((p) => p.trim());
  if (!paths.includes(`${resourceType}.${filter.code}`)) return undefined;
  const wanted = filter.value.split(',');
  if (filter.code === 'status') {
    return (r) => wanted.includes(String((r as { status?: unknown }).status));
  }
  const tokens = wanted.map((w) => {
    const bar = w.indexOf('|');
    return bar < 0 ? { value: w } : { system: w.slice(0, bar), value: w.slice(bar + 1) };
  });
  return (r) => {
    const identifiers = (r as { identifier?: { system?: string; value?: string }[] }).identifier ?? [];
    return tokens.some((t) =>
      identifiers.some(
        (i) => i.value === t.value && (t.system === undefined || (t.system === '' ? !i.system : i.system === t.system)),
      ),
    );
  };
}
