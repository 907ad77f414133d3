/**
 * Naming the remaining pages of a search up front, when the server pages by offset and announced a total, so
 * they can be read together instead of one after another (issue 14 item 1). Only for plain offset links: the
 * `_offset` of the FHIR R4 search page (search.html "Paging") or HAPI's `_getpagesoffset`, with a `_count` equal
 * to the first page's offset. Opaque cursors (Epic, Oracle Health, any link without these) are never guessed.
 */

const OFFSET_PARAMS = ['_offset', '_getpagesoffset'] as const;

function nonNegativeInt(value: string | null): number | undefined {
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** The remaining pages' URLs, in order, starting with `nextUrl` itself. */
export interface OffsetPlan {
  urls: string[];
}

/**
 * The pages from `nextUrl` up to `total`, at most `maxMore` of them; undefined when the link is not plain offset
 * paging, or when at most one page remains (nothing to gain over following the link).
 */
export function offsetPlan(nextUrl: string, total: number, maxMore: number): OffsetPlan | undefined {
  let url: URL;
  try {
    url = new URL(nextUrl);
  } catch {
    return undefined;
  }
  const param = OFFSET_PARAMS.find((p) => url.searchParams.getAll(p).length === 1);
  if (!param || url.searchParams.getAll('_count').length !== 1) return undefined;
  const offset = nonNegativeInt(url.searchParams.get(param));
  const count = nonNegativeInt(url.searchParams.get('_count'));
  // The first page started at 0 with this page size; any other shape is not the paging this plan assumes.
  if (offset === undefined || count === undefined || count === 0 || offset !== count) return undefined;
  const urls: string[] = [];
  for (let at = offset; at < total && urls.length < maxMore; at += count) {
    url.searchParams.set(param, String(at));
    urls.push(url.href);
  }
  return urls.length > 1 ? { urls } : undefined;
}

/** True when two URLs name the same page: same address and the same parameters, in any order or encoding. */
export function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    if (x.origin !== y.origin || x.pathname !== y.pathname) return false;
    const sorted = (u: URL) =>
      [...u.searchParams.entries()]
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join('&');
    return sorted(x) === sorted(y);
  } catch {
    return a === b;
  }
}
