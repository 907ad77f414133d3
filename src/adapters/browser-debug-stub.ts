/**
 * Stand-in for the `debug` package inside fhirclient's browser build (vite.config.ts resolve.alias).
 *
 * Why: fhirclient logs through `debug`, including the token response and request options with the Authorization
 * header (client-js src/Client.ts request logging; shared/style.md anti-pattern 6), whenever localStorage.debug
 * enables it. This stub never logs, so no setting can make the app print a token, and it saves ~2.7 KB gzip.
 *
 * CommonJS on purpose (no import/export): fhirclient does `require("debug")("FHIR")`, which needs the module
 * itself to be the function; an ES default export would arrive as `{ default }`.
 */
interface Debugger {
  (...args: unknown[]): void;
  enabled: boolean;
  namespace: string;
  extend(namespace: string): Debugger;
}

function createSilentDebug(namespace: string): Debugger {
  const log = (() => undefined) as unknown as Debugger;
  log.enabled = false;
  log.namespace = namespace;
  log.extend = (child: string) => createSilentDebug(`${namespace}:${child}`);
  return log;
}

module.exports = createSilentDebug;
