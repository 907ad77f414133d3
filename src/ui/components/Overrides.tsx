/**
 * Explicit overrides: every contraindicated or major conflict needs a ticked box and a reason before signing.
 * Each becomes a DetectedIssue with the reason as its mitigation.
 */
import type { Conflict } from '../../core/assess/types.ts';
import type { OverrideDraft } from '../model/draft-store.ts';
import { overrideKey } from '../model/use-plan.ts';
import { SEVERITY_WORDS } from '../strings.ts';
import { P } from '../strings-plan.ts';
import { TextArea } from './fields.tsx';

export function Overrides({
  needed,
  overrides,
  onChange,
}: {
  needed: Conflict[];
  overrides: Record<string, OverrideDraft>;
  onChange: (key: string, value: OverrideDraft) => void;
}) {
  if (!needed.length) return null;
  return (
    <section class="overrides" aria-labelledby="overrides-h">
      <h2 id="overrides-h">{P.overridesHeading}</h2>
      <p>{P.overrideIntro}</p>
      <ul class="cards">
        {needed.map((c, i) => {
          const key = overrideKey(c);
          const o = overrides[key] ?? { checked: false, reason: '' };
          const id = `override-${i}`;
          const missingReason = o.checked && o.reason.trim() === '';
          return (
            <li key={key} class={`card card--${c.severity}`}>
              <label class="checkbox" for={`${id}-check`}>
                <input
                  id={`${id}-check`}
                  type="checkbox"
                  checked={o.checked}
                  onChange={(e) => onChange(key, { ...o, checked: (e.currentTarget as HTMLInputElement).checked })}
                />{' '}
                <span class="tag">{SEVERITY_WORDS[c.severity]}</span> {P.overrideCheck(c.title)} ({c.entry.name})
              </label>
              <TextArea
                id={`${id}-reason`}
                label={P.overrideReason}
                value={o.reason}
                problems={missingReason ? [P.overrideMissing] : undefined}
                onInput={(reason) => onChange(key, { ...o, reason })}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
