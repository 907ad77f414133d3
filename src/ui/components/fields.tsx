/**
 * Labelled form controls with their problems shown next to them (aria-describedby + aria-invalid).
 */
import type { ComponentChildren } from 'preact';

export function Problems({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <ul id={`${id}-problems`} class="field__problems">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** The ids of a control's hint and problems, for aria-describedby. */
export function describedBy(id: string, problems: string[] | undefined, hint?: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problems?.length ? `${id}-problems` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problems?: string[] | undefined;
  inputMode?: 'decimal' | 'numeric';
  hint?: string;
}

export function TextField({ id, label, value, onInput, problems, inputMode, hint }: TextFieldProps) {
  const common = {
    id,
    value,
    'aria-invalid': problems?.length ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, problems, !!hint),
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      <input type="text" inputMode={inputMode} {...common} />
      <Problems id={id} messages={problems} />
    </div>
  );
}

export function TextArea({ id, label, value, onInput, problems }: Omit<TextFieldProps, 'inputMode' | 'hint'>) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={value}
        aria-invalid={problems?.length ? 'true' : undefined}
        aria-describedby={describedBy(id, problems)}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <Problems id={id} messages={problems} />
    </div>
  );
}

export function Radios<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: string;
  legend: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="field field--radios">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Row({ children }: { children: ComponentChildren }) {
  return <div class="row">{children}</div>;
}

/** A labelled checkbox, with an optional hint tied to it. */
export function Checkbox({
  id,
  label,
  checked,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <div class="field field--check">
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A table's header row: one column header per label. */
export function TableHead({ cols }: { cols: readonly string[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
