/**
 * Reads the issuer allow-list at run time from `smart-clients.json` beside the app (so an admin edits it without
 * rebuilding), bypassing the HTTP cache so an edit takes effect on the next launch.
 */
import { parseAllowList, type AllowList, type ConfigError } from '../../core/smart/allow-list.ts';
import { err, ok, type Result } from '../../core/result.ts';

export const ALLOW_LIST_FILE = 'smart-clients.json';

export type AllowListProblem =
  /** Not fetched (network, HTTP error) or not JSON. */
  | { kind: 'unreadable'; detail: string }
  /** JSON that fails validation: one problem per field, naming the file (worded by the launch page). */
  | { kind: 'invalid'; errors: ConfigError[] };

/** Fetches and validates the allow-list at `url`. Never returns a partial or permissive list. */
export async function loadAllowList(
  url: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<Result<AllowList, AllowListProblem>> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    return err({ kind: 'unreadable', detail: `${ALLOW_LIST_FILE} could not be loaded (no response)` });
  }
  if (!response.ok)
    return err({ kind: 'unreadable', detail: `${ALLOW_LIST_FILE} could not be loaded (HTTP ${response.status})` });
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    return err({ kind: 'unreadable', detail: `${ALLOW_LIST_FILE} is not valid JSON` });
  }
  const parsed = parseAllowList(json, ALLOW_LIST_FILE);
  return parsed.ok ? ok(parsed.value) : err({ kind: 'invalid', errors: parsed.error });
}
