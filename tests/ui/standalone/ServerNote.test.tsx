// @vitest-environment happy-dom
/**
 * The server note speaks truthfully (issue 12 item 3): a create that is only not declared reads "not declared (may
 * still work; the app will try and fall back)", never "cannot be written"; only a create the server refused reads
 * "refused", with the read-only verdict. A server without DetectedIssue create is not read-only at all: the order
 * is written and the overrides go into its note.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateServer } from '../../../src/core/server/evaluate.ts';
import type { CheckItem, ServerReport } from '../../../src/core/server/types.ts';
import { ServerNote } from '../../../src/ui/standalone/ServerNote.tsx';
import { T } from '../../../src/ui/strings-standalone.ts';
import { smartProbe } from '../../core/server/server-fixtures.ts';

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
    verdictReason: 'MedicationRequest create refused',
    items,
    notes: [],
    smart: true,
    openRead: false,
  } as unknown as ServerReport;
}

describe('ServerNote', () => {
  it('an undeclared DetectedIssue create: the order is written, overrides in its note; never "read-only"', () => {
    const { container } = render(
      <ServerNote report={evaluateServer(smartProbe({ withoutCreate: ['DetectedIssue'] }))} />,
    );
    const text = container.textContent ?? '';
    expect(container.querySelector('.standalone-note')?.getAttribute('data-verdict')).toBe('full');
    expect(text).toContain(T.verdict.full);
    expect(text).toContain("overridden conflicts are recorded in the order's note");
    expect(text).toContain('create DetectedIssue: not declared (may still work; the app will try and fall back)');
    expect(text).toContain('"writeDetectedIssue": "off" (or "fallback")');
    expect(text).not.toMatch(/Read-only here|cannot be written/);
    expect(text).not.toContain(T.undeclaredWrite);
  });

  it('an undeclared MedicationRequest create: "not declared, may still work", not "read-only"', () => {
    const { container } = render(
      <ServerNote report={evaluateServer(smartProbe({ withoutCreate: ['MedicationRequest'] }))} />,
    );
    expect(container.textContent).toContain(T.undeclaredWrite);
    expect(container.textContent).toContain(
      'create MedicationRequest: not declared (may still work; the app will try and fall back)',
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
    expect(container.textContent).toContain(T.verdict['read-only']);
    expect(container.textContent).toContain('create MedicationRequest: refused, the server answered 403');
    expect(container.textContent).not.toContain(T.undeclaredWrite);
  });
});
