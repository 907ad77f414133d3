/**
 * The order's identifier, derived from what it says (issue 10 item 4): the same plan gives the same identifier,
 * so a retry after a lost answer is a conditional create of the same order; any edit (a dose, a date, an override
 * reason, the acknowledgement, the order it replaces) gives a new one, so an edited plan is never mistaken for the
 * earlier one that is already on the server.
 *
 * The draft's nonce (random, made once per draft by the caller, kept with the draft, renewed after a successful
 * write) is part of the content: the same plan signed for the same patient next month is a new order, not "already
 * in the chart". `now` (authoredOn) is not part of it: a retry a minute later is still the same order.
 */
import type { OrderInput } from './input.ts';
import { sha256Hex } from './digest.ts';

/** What the identity covers: everything the order says except its ids and its timestamp. */
export type IdentityContent = Omit<OrderInput, 'now' | 'ids'>;

/** The ids for `buildOrder`'s `ids` field. */
export interface OrderIds {
  order: string;
  /** One per override, in the order of `content.overrides`. */
  detectedIssues: string[];
  /** Present when the content has an acknowledgement and `withAcknowledgementIssue` was asked for. */
  acknowledgement?: string;
}

/**
 * JSON with object keys sorted (and undefined members left out, as JSON.stringify does), so two equal values
 * always give the same text whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const rec = value as Record<string, unknown>;
  const members = Object.keys(rec)
    .sort()
    .filter((k) => rec[k] !== undefined && typeof rec[k] !== 'function')
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`);
  return `{${members.join(',')}}`;
}

/** 128 bits of a SHA-256 digest in the UUID layout, version 8 (RFC 9562 section 5.8: custom, here name-based). */
export function digestUuid(text: string): string {
  const h = sha256Hex(text);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The order's identifier and those of its DetectedIssues, from the content and the draft's nonce. Each
 * DetectedIssue id is derived from the order id and its position and role, so all ids of one order are distinct
 * and change together.
 */
export function orderIds(
  content: IdentityContent,
  nonce: string,
  opts: { withAcknowledgementIssue?: boolean } = {},
): OrderIds {
  const order = digestUuid(`ldn-order|${nonce}|${canonicalJson(content)}`);
  const detectedIssues = (content.overrides ?? []).map((_, i) => digestUuid(`ldn-override|${order}|${i}`));
  return {
    order,
    detectedIssues,
    ...(content.acknowledgement && opts.withAcknowledgementIssue
      ? { acknowledgement: digestUuid(`ldn-acknowledgement|${order}`) }
      : {}),
  };
}
