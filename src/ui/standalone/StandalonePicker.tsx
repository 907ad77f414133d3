/**
 * Standalone tester flow (work in progress: the full flow lands in the next commits).
 */
import type { AllowList } from '../../core/smart/allow-list.ts';
import type { StandaloneTarget } from '../../edge/types.ts';

export interface StandalonePickerProps {
  allowList: AllowList;
  onLaunch: (target: StandaloneTarget) => void;
}

/** Lets a tester choose a server (and, for open servers, a patient), then calls onLaunch. */
export function StandalonePicker({ allowList, onLaunch }: StandalonePickerProps) {
  const smart = allowList.clients.filter((c) => c.standalone === true && c.iss !== undefined);
  return (
    <section aria-labelledby="standalone-title">
      <h1 id="standalone-title">Launch against a test server</h1>
      <ul>
        {smart.map((c) => (
          <li key={c.iss}>
            <button type="button" onClick={() => onLaunch({ kind: 'smart', iss: c.iss ?? '' })}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
