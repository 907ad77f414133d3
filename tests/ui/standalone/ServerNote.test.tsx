// @vitest-environment happy-dom
/**
 * The server note speaks truthfully (issue 12 item 3): a create that is only not declared reads "not declared (may
 * still work; the app will try and fall back)", never "cannot be written"; only a create the server refused reads
 * "refused", with the read-only verdict.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckItem, ServerReport } from '../../../src/core/server/types.ts';
import { ServerNote, UNDECLARED_WRITE_TEXT } from '../../../src/ui/standalone/ServerNote.tsx';

afterEach(cleanup);

const item = (id: string, status: CheckItem['status'], reason: string): CheckItem => ({
  id,
  label: id.replace('-', ' '),
  status,
  reason,
});

function report(items: CheckItem[]): ServerReport {
  return {
    verdict: 'read-only',
    verdictReason: 'DetectedIssue create not declared',
    items,
    notes: [],
    smart: true,
    openRead: false,
  } as unknown as ServerReport;
}

describe('ServerNote', () => {
  it('an undeclared DetectedIssue create: "not declared, may still work", not "read-only"', () => {
    const { container } = render(
      <ServerNote
        report={report([
          item('create-MedicationRequest', 'ok', 'declared'),
          item('create-DetectedIssue', 'missing', 'create not declared'),
        ])}
      />,
    );
    expect(container.textContent).toContain(UNDECLARED_WRITE_TEXT);
    expect(container.textContent).toContain(
      'create DetectedIssue: not declared (may still work; the app will try and fall back)',
    );
    expect(container.textContent).not.toMatch(/Read-only here|cannot be written/);
  });

  it('a refused create: "refused" and the read-only verdict', () => {
    const { container } = render(
      <ServerNote
        report={report([
          item('create-MedicationRequest', 'fails', 'the server answered 403'),
          item('create-DetectedIssue', 'missing', 'x'),
        ])}
      />,
    );
    expect(container.textContent).toContain('Read-only here: the server refuses writing the order');
    expect(container.textContent).toContain('create MedicationRequest: refused, the server answered 403');
    expect(container.textContent).not.toContain(UNDECLARED_WRITE_TEXT);
  });
});
