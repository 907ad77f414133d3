/**
 * A date typed in the one clinical format ("7 Dec 2026", ISO also taken; src/core/fhir/dates.ts readClinicalDate),
 * instead of the browser's date control, which shows the machine's locale format (12/07/2026 in the US) next to
 * dates written "7 Dec 2026" everywhere else. The field keeps what was typed; the model gets the ISO date, or the
 * text as typed when it is not a date (the plan's own check then names it), and this field says so too.
 */
import { useState } from 'preact/hooks';
import { readClinicalDate } from '../../core/fhir/date-entry.ts';
import { clinicalDate } from '../../core/fhir/dates.ts';
import { P } from '../strings-plan.ts';
import { describedBy, Problems } from './fields.tsx';

interface DateFieldProps {
  id: string;
  label: string;
  /** ISO date (YYYY-MM-DD), or whatever the model holds. */
  value: string;
  onInput: (value: string) => void;
  problems?: string[] | undefined;
  /** Said after the format hint, e.g. the weekday of the chosen date. */
  hint?: string | undefined;
}

export function DateField({ id, label, value, onInput, problems, hint }: DateFieldProps) {
  const [typed, setTyped] = useState<{ text: string; sent: string } | undefined>(undefined);
  // What the model holds, unless it is what this field last sent (then what was typed stays as typed).
  const text = typed && typed.sent === value ? typed.text : clinicalDate(value);
  const unreadable = text.trim() !== '' && readClinicalDate(text) === undefined;
  const own = unreadable && !problems?.length ? [P.dateUnreadable(text.trim())] : [];
  const shown = [...(problems ?? []), ...own];
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p id={`${id}-hint`} class="field__hint">
        {hint ? `${P.dateHint} ${hint}` : P.dateHint}
      </p>
      <input
        id={id}
        type="text"
        autoComplete="off"
        maxLength={40}
        value={text}
        aria-invalid={shown.length ? 'true' : undefined}
        aria-describedby={describedBy(id, shown, true)}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLInputElement).value;
          const sent = readClinicalDate(next) ?? next.trim();
          setTyped({ text: next, sent });
          onInput(sent);
        }}
      />
      <Problems id={id} messages={shown} />
    </div>
  );
}
