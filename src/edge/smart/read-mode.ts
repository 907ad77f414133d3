/**
 * Carries an issuer's `"reads": "batch"` setting from the launch page, which has the allow-list, to the app page,
 * which reads the chart (issue 14 item 1). Written before each authorization, for that server only; the app page
 * uses it only when fhirclient's session is with the same server. Holds a server URL and a flag: no token, no
 * patient data; sessionStorage only (this tab), as fhirclient keeps its own state.
 */
import { stripTrailingSlashes } from '../../core/fhir/systems.ts';
import type { ServerCapabilities } from '../types.ts';
import type { KeyValueStore } from './scope-retry.ts';

export const READ_MODE_KEY = 'ldn-read-mode';

interface ReadModeRecord {
  serverUrl: string;
  batchReads: boolean;
}

/** Remembers how the chart of `serverUrl` is read (or forgets it, for an entry without the setting). */
export function rememberReadMode(store: KeyValueStore, serverUrl: string, batchReads: boolean): void {
  try {
    if (batchReads) store.setItem(READ_MODE_KEY, JSON.stringify({ serverUrl, batchReads } satisfies ReadModeRecord));
    else store.removeItem(READ_MODE_KEY);
  } catch {
    /* storage blocked: the chart is read with parallel requests, as without the setting */
  }
}

/** What the launch page knew of `serverUrl` (the session's FHIR base); nothing for another server. */
export function capabilitiesFor(store: KeyValueStore, serverUrl: string): ServerCapabilities {
  try {
    const raw = store.getItem(READ_MODE_KEY);
    const record = raw ? (JSON.parse(raw) as Partial<ReadModeRecord> | null) : null;
    if (
      record &&
      typeof record.serverUrl === 'string' &&
      stripTrailingSlashes(record.serverUrl) === stripTrailingSlashes(serverUrl) &&
      record.batchReads === true
    )
      return { batchReads: true };
  } catch {
    /* unreadable record: nothing assumed */
  }
  return {};
}
