/**
 * The order identity (issue 10 item 4): derived from the plan's content and the draft's nonce, so a retry of the
 * same plan is the same order and any edit is a new one. The digest is checked against Node's SHA-256.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/order/digest.ts';
import { canonicalJson, digestUuid, orderIds, type IdentityContent } from '../../../src/core/order/order-identity.ts';
import { conflict, orderInput, plan } from './order-fixtures.ts';

function content(over: Partial<IdentityContent> = {}): IdentityContent {
  const { now: _now, ids: _ids, ...rest } = orderInput();
  return { ...rest, ...over };
}

describe('sha256Hex', () => {
  it('agrees with Node crypto on block edges, multi-byte text and arbitrary strings', () => {
    for (const s of ['', 'abc', 'é😀 naltrexone', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'b'.repeat(1000)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (s) => sha256Hex(s) === createHash('sha256').update(s, 'utf8').digest('hex'),
      ),
    );
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('orderIds', () => {
  it('gives the same ids for the same plan and nonce, in the UUID layout (version 8)', () => {
    const a = orderIds(content({ overrides: [{ conflict: conflict(), reason: 'counselled' }] }), 'nonce-1');
    const b = orderIds(content({ overrides: [{ conflict: conflict(), reason: 'counselled' }] }), 'nonce-1');
    expect(a).toEqual(b);
    expect(a.order).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.detectedIssues).toHaveLength(1);
    expect(new Set([a.order, ...a.detectedIssues]).size).toBe(2);
  });

  it('changes with an edit of the plan, an override reason, the acknowledgement, the replaced order or the nonce', () => {
    const base = orderIds(content(), 'n').order;
    const edits: IdentityContent[] = [
      content({ plan: plan({ startDate: '2026-12-02' }) }),
      content({ plan: plan({ stepMg: 1 }) }),
      content({ overrides: [{ conflict: conflict(), reason: 'x' }] }),
      content({ acknowledgement: { reason: 'urgent', notRead: ['MedicationStatement search answered 500'] } }),
      content({ priorPrescription: { reference: 'MedicationRequest/old' } }),
      content({ storage: 'refrigerated' }),
    ];
    for (const e of edits) expect(orderIds(e, 'n').order).not.toBe(base);
    expect(orderIds(content(), 'other').order).not.toBe(base);
  });

  it('gives the acknowledgement its own id only when a DetectedIssue is asked for', () => {
    const c = content({ acknowledgement: { reason: 'urgent', notRead: [] } });
    expect(orderIds(c, 'n').acknowledgement).toBeUndefined();
    const ids = orderIds(c, 'n', { withAcknowledgementIssue: true });
    expect(ids.acknowledgement).toBeDefined();
    expect(ids.acknowledgement).not.toBe(ids.order);
  });

  it('property: different plans give different ids, the same plan the same id', () => {
    const input = fc.record({
      startMg: fc.constantFrom(0.5, 1, 1.5, 2),
      stepMg: fc.constantFrom(0.5, 1, 1.5),
      intervalDays: fc.integer({ min: 3, max: 21 }),
      day: fc.integer({ min: 1, max: 28 }),
      reason: fc.string({ maxLength: 20 }),
    });
    const make = (i: { startMg: number; stepMg: number; intervalDays: number; day: number; reason: string }) =>
      content({
        plan: plan({
          startMg: i.startMg,
          stepMg: i.stepMg,
          intervalDays: i.intervalDays,
          startDate: `2026-12-${String(i.day).padStart(2, '0')}`,
        }),
        ...(i.reason ? { acknowledgement: { reason: i.reason, notRead: [] } } : {}),
      });
    fc.assert(
      fc.property(input, input, (x, y) => {
        const same = canonicalJson(make(x)) === canonicalJson(make(y));
        const idX = orderIds(make(x), 'n').order;
        expect(orderIds(make(x), 'n').order).toBe(idX);
        expect(orderIds(make(y), 'n').order === idX).toBe(same);
      }),
      { numRuns: 150 },
    );
  });

  it('digestUuid differs for nearby texts', () => {
    expect(digestUuid('a')).not.toBe(digestUuid('b'));
  });
});
