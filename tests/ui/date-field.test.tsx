// @vitest-environment happy-dom
/**
 * The date field (src/ui/components/DateField.tsx): dates are typed and shown in the one clinical format, the
 * model gets ISO dates, and text that is not one real day is named beside the field.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { planTitration } from '../../src/core/titration/planner.ts';
import { DateField } from '../../src/ui/components/DateField.tsx';
import { Handout } from '../../src/ui/components/PatientHandout.tsx';
import { H } from '../../src/ui/strings-order.ts';
import { P } from '../../src/ui/strings-plan.ts';

afterEach(cleanup);

/** A field over a tiny model that records what it was sent. */
function Harness({ initial, sent, problems }: { initial: string; sent: string[]; problems?: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        id="d"
        label="Start date"
        value={value}
        problems={problems}
        onInput={(v) => {
          sent.push(v);
          setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue('2027-01-04')}>
        set elsewhere
      </button>
    </>
  );
}

const field = () => screen.getByLabelText('Start date') as HTMLInputElement;
const described = () =>
  (field().getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('DateField', () => {
  it('shows the model date in the clinical format, with the format as its hint, in a text control', () => {
    render(<Harness initial="2026-12-07" sent={[]} />);
    expect(field().value).toBe('7 Dec 2026');
    expect(field().type).toBe('text');
    expect(described()).toContain(P.dateHint);
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the ISO date for the clinical format or ISO, and keeps the text as typed', () => {
    const sent: string[] = [];
    render(<Harness initial="" sent={sent} />);
    fireEvent.input(field(), { target: { value: '8 december 2026' } });
    fireEvent.input(field(), { target: { value: '2026-12-09' } });
    expect(sent).toEqual(['2026-12-08', '2026-12-09']);
    expect(field().value).toBe('2026-12-09');
  });

  it('names text that is not a real day beside the field and sends it as typed', () => {
    const sent: string[] = [];
    render(<Harness initial="2026-12-07" sent={sent} />);
    for (const text of ['07/12/2026', '31 Feb 2026']) {
      fireEvent.input(field(), { target: { value: text } });
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(described()).toContain(P.dateUnreadable(text));
    }
    expect(sent).toEqual(['07/12/2026', '31 Feb 2026']);
  });

  it("shows the caller's problems instead of its own", () => {
    render(<Harness initial="2026-12-07" sent={[]} problems={['Start on or after 9 Dec 2026.']} />);
    fireEvent.input(field(), { target: { value: 'soon' } });
    expect(described()).toContain('Start on or after 9 Dec 2026.');
    expect(described()).not.toContain(P.dateUnreadable('soon'));
  });

  it('shows a date the model gets from elsewhere, replacing what was typed', () => {
    render(<Harness initial="" sent={[]} />);
    fireEvent.input(field(), { target: { value: '2026-12-09' } });
    fireEvent.click(screen.getByRole('button', { name: 'set elsewhere' }));
    expect(field().value).toBe('4 Jan 2027');
  });
});

describe('the handout follow-up date', () => {
  const plan = planTitration({
    startMg: 1,
    stepMg: 1,
    intervalDays: 7,
    targetMg: 4.5,
    timing: 'bedtime',
    form: { kind: 'liquid', mgPerMl: 1 },
    startDate: '2026-11-25',
  });
  if (!plan.ok) throw new Error('the plan must be made');

  it('prints a real day in the clinical format, and asks the patient to check with the clinic otherwise', () => {
    const { unmount } = render(<Handout plan={plan.value} clinicContact="" followUpDate="2027-01-04" />);
    expect(screen.getByText(H.followUpOn('4 Jan 2027'))).toBeTruthy();
    unmount();
    render(<Handout plan={plan.value} clinicContact="" followUpDate="31 Feb 2027" />);
    expect(screen.getByText(H.followUpAsk)).toBeTruthy();
    expect(screen.queryByText(/31 Feb/)).toBeNull();
  });
});
