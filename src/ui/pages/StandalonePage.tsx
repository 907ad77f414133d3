/**
 * The launch page without an EHR launch: the standalone tester page around H5's StandalonePicker.
 * Only the allow-list's servers can be picked (SMART servers marked "standalone", and open servers).
 */
import type { AllowList } from '../../core/smart/allow-list.ts';
import type { StandaloneTarget } from '../../edge/types.ts';
import { StandalonePicker } from '../standalone/StandalonePicker.tsx';

export interface StandalonePageProps {
  allowList: AllowList;
  onLaunch: (target: StandaloneTarget) => void;
}

/** data-app-ready="standalone-picker". */
export function StandalonePage({ allowList, onLaunch }: StandalonePageProps) {
  return (
    <main class="launch-page launch-page--standalone" data-app-ready="standalone-picker">
      <StandalonePicker allowList={allowList} onLaunch={onLaunch} />
    </main>
  );
}
