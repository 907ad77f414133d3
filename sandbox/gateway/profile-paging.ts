/**
 * Paging in the shapes the vendor-like profiles give it (sandbox/gateway/profiles.ts): Epic-like opaque cursors
 * (a token per page; the client cannot derive an offset from it) and HAPI-like `_getpages` links (a search id
 * with `_getpagesoffset` and `_count` on the server's base URL). Both are resolved back into an ordinary
 * `Type?query&_count&_offset` engine request before scopes are checked, so a cursor never widens what a token
 * may read: the stored query still names the launch patient.
 *
 * Stored searches belong to one launch's options object (a WeakMap key), so a cursor from one launch is unknown
 * to every other launch, and are bounded (oldest dropped first).
 */
import { randomUUID } from 'node:crypto';

export type Query = [string, string][];

/** A search as stored behind a cursor or a `_getpages` id: the type and its parameters without paging ones. */
export interface StoredSearch {
  type: string;
  query: Query;
  /** Epic-like cursors name one page: its offset and size. */
  offset?: number;
  count?: number;
}

/** At most this many stored searches per launch. */
export const MAX_STORED_SEARCHES = 500;

class SearchSessions {
  private readonly map = new Map<string, StoredSearch>();
  put(search: StoredSearch): string {
    const id = randomUUID().replace(/-/g, '');
    this.map.set(id, search);
    while (this.map.size > MAX_STORED_SEARCHES) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
    return id;
  }
  get(id: string): StoredSearch | undefined {
    return this.map.get(id);
  }
}

const sessions = new WeakMap<object, SearchSessions>();

/** The stored searches of one launch (keyed by its options object). */
export function sessionsFor(owner: object): SearchSessions {
  let s = sessions.get(owner);
  if (!s) {
    s = new SearchSessions();
    sessions.set(owner, s);
  }
  return s;
}

/** The query without the paging parameters the profile sets itself. */
export function withoutPaging(query: Query): Query {
  return query.filter(([k]) => k !== '_count' && k !== '_offset');
}

/** The engine path for one page of a stored search. */
export function enginePath(type: string, query: Query, offset: number, count: number): string {
  const q = new URLSearchParams(withoutPaging(query));
  q.set('_count', String(count));
  q.set('_offset', String(offset));
  return `${type}?${q.toString()}`;
}

interface Link {
  relation: string;
  url: string;
}

/** The offset and page size an engine link names (the engine always writes both). */
function pageOf(url: string): { offset: number; count: number } | undefined {
  try {
    const u = new URL(url);
    const offset = Number(u.searchParams.get('_offset'));
    const count = Number(u.searchParams.get('_count'));
    return Number.isInteger(offset) && Number.isInteger(count) ? { offset, count } : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces a searchset's links by `make(relation, page)`; a link `make` maps to undefined is dropped. */
export function rewriteLinks(
  body: unknown,
  make: (relation: string, page: { offset: number; count: number }) => string | undefined,
): unknown {
  const bundle = body as { resourceType?: string; type?: string; link?: Link[] };
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'searchset' || !Array.isArray(bundle.link)) return body;
  const link: Link[] = [];
  for (const l of bundle.link) {
    const page = pageOf(l.url);
    const url = page ? make(l.relation, page) : undefined;
    if (url) link.push({ relation: l.relation, url });
  }
  return { ...bundle, link };
}
