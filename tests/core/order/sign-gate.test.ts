/** The signature gate (issue 10 item 2): every case of "may sign?", "acknowledgement needed?" and "why not?". */
import { describe, expect, it } from 'vitest';
import { readGap } from '../../../src/core/chart.ts';
import { signGate, type SignGateInput } from '../../../src/core/order/sign-gate.ts';
import { describeNotRead } from '../../../src/ui/strings-read.ts';

const WRITE = ['patient/MedicationRequest.crs', 'patient/DetectedIssue.c'];
const gap = readGap('MedicationStatement', 'failed', { what: 'search-failed', answer: 'status', status: 500 });

function input(over: Partial<SignGateInput> = {}): SignGateInput {
  return {
    assessment: { complete: true, gaps: [] },
    grantedScopes: WRITE,
    orderReady: true,
    overridesComplete: true,
    existingOrders: 0,
    describeGap: describeNotRead,
    ...over,
  };
}

describe('signGate', () => {
  it('lets a complete read with a ready order sign, without an acknowledgement', () => {
    expect(signGate(input())).toEqual({
      offerSign: true,
      maySign: true,
      needsAcknowledgement: false,
      notRead: [],
      detectedIssuesPermitted: true,
    });
  });

  it('asks for the acknowledgement with a reason on an incomplete read, and lists what was not read', () => {
    const incomplete = { assessment: { complete: false, gaps: [gap, gap] } };
    const g = signGate(input(incomplete));
    expect(g).toMatchObject({
      offerSign: true,
      maySign: false,
      needsAcknowledgement: true,
      blocked: 'acknowledgement-missing',
    });
    expect(g.notRead).toEqual(['MedicationStatement search answered 500 (the server reported an error)']);
    expect(signGate(input({ ...incomplete, acknowledgement: { checked: true, reason: '  ' } })).maySign).toBe(false);
    expect(signGate(input({ ...incomplete, acknowledgement: { checked: false, reason: 'urgent' } })).maySign).toBe(
      false,
    );
    expect(
      signGate(
        input({ ...incomplete, acknowledgement: { checked: true, reason: 'Pain clinic confirmed no opioids' } }),
      ),
    ).toMatchObject({ maySign: true, needsAcknowledgement: true });
  });

  it('treats an incomplete flag without gaps as incomplete too', () => {
    expect(signGate(input({ assessment: { complete: false, gaps: [] } })).notRead).toEqual([
      'Part of the chart could not be read.',
    ]);
  });

  it('does not offer Sign without MedicationRequest create permission', () => {
    expect(signGate(input({ grantedScopes: ['patient/MedicationRequest.rs'] }))).toMatchObject({
      offerSign: false,
      maySign: false,
      blocked: 'no-create-permission',
    });
  });

  it('says when DetectedIssue records are not permitted (the note alone then)', () => {
    expect(signGate(input({ grantedScopes: ['patient/MedicationRequest.crs'] })).detectedIssuesPermitted).toBe(false);
  });

  it('needs an answer about an existing LDN order, and writes nothing new on continue or cancel', () => {
    expect(signGate(input({ existingOrders: 1 }))).toMatchObject({
      offerSign: true,
      maySign: false,
      blocked: 'existing-order-undecided',
    });
    expect(signGate(input({ existingOrders: 1, existingChoice: 'continue' }))).toMatchObject({
      offerSign: false,
      blocked: 'no-new-order',
    });
    expect(signGate(input({ existingOrders: 1, existingChoice: 'cancel' }))).toMatchObject({
      offerSign: false,
      blocked: 'no-new-order',
    });
    expect(signGate(input({ existingOrders: 1, existingChoice: 'replace' })).maySign).toBe(true);
  });

  it('blocks on missing overrides and on an incomplete plan', () => {
    expect(signGate(input({ orderReady: false, overridesComplete: false })).blocked).toBe('overrides-missing');
    expect(signGate(input({ orderReady: false })).blocked).toBe('plan-incomplete');
  });
});
