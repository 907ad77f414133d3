/**
 * Reads the issuer allow-list at run time from `smart-clients.json` beside the app (so an admin edits it without
 * rebuilding), bypassing the HTTP cache so an edit takes effect on the next launch.
 */
import { parseAllowList, type AllowList, type ConfigError } from '../../core/smart/allow-list.ts';
import { problem, type Problem } from '../../core/problem.ts';
import { err, ok, type Result } from '../../core/result.ts';

export const ALLOW_LIST_FILE = 'smart-clients.json';

export type AllowListProblem =
  /**
   * Not fetched (network, HTTP error) or not JSON: a `launch/config-unreadable` problem whose params give the
   * file, the cause ('no-response', 'http' with the status, 'not-json'); the launch page words it.
   */
  | ({ kind: 'unreadable' } & Problem<'launch/config-unreadable'>)
  /** JSON that fails validation: one problem per field, naming the file (worded by the launch page). */
  | { kind: 'invalid'; errors: ConfigError[] };

const unreadable = (facts: { cause: string; status?: number }): AllowListProblem => ({
  kind: 'unreadable',
  ...problem('launch/config-unreadable', 'error', { file: ALLOW_LIST_FILE, ...facts }),
});

/** Fetches and validates the allow-list at `url`. Never returns a partial or permissive list. */
export async function loadAllowList(
  url: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<Result<AllowList, AllowListProblem>> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    return err(unreadable({ cause: 'no-response' }));
  }
  if (!response.ok) return err(unreadable({ cause: 'http', status: response.status }));
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    return err(unreadable({ cause: 'not-json' }));
  }
  const parsed = parseAllowList(json, ALLOW_LIST_FILE);
  return parsed.ok ? ok(parsed.value) : err({ kind: 'invalid', errors: parsed.error });
}
