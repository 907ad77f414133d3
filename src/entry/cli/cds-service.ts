/**
 * `npm run cds-service -- [--port 8788] [--host 127.0.0.1] [--base-url URL] [--clients cds-clients.json]
 * [--feedback cds-feedback.jsonl] [--app-launch-url URL]`: runs the CDS Hooks service on its own. `--base-url` is
 * the public URL EHRs call (behind a load balancer: the balancer's URL); tokens' `aud` must match it exactly.
 * Logs only reason codes (a refused JWT, a store failure), never tokens, bodies or patient ids.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { CliError, cliMain, resolveCliPath, runIfEntry, type CliIo } from './run.ts';
import { createCdsHandler } from '../../edge/cds/service.ts';
import { loadClients } from '../../edge/cds/clients.ts';
import { describeProblem } from './strings.ts';
import { jsonlStore } from '../../edge/cds/feedback.ts';
import { stripTrailingSlashes } from '../../core/fhir/systems.ts';

const USAGE =
  'usage: npm run cds-service -- [--port 8788] [--host 127.0.0.1] [--base-url URL] [--clients FILE] [--feedback FILE] [--app-launch-url URL]';

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      'base-url': { type: 'string' },
      clients: { type: 'string', default: 'cds-clients.json' },
      feedback: { type: 'string', default: 'cds-feedback.jsonl' },
      'app-launch-url': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`invalid --port "${values.port}"\n${USAGE}`, 2);
  const clients = await loadClients(resolveCliPath(io, values.clients));
  if (!clients.ok) throw new CliError(describeProblem(clients.error));
  const feedbackFile = resolveCliPath(io, values.feedback);
  const server = createServer();
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((ok, fail) => (server.once('error', fail), server.listen(port, values.host, () => ok())));
  const actual = (server.address() as { port: number }).port;
  const baseUrl = stripTrailingSlashes(values['base-url'] ?? `http://localhost:${actual}`);
  const handler = createCdsHandler({
    baseUrl,
    clients: clients.value,
    feedback: jsonlStore(feedbackFile),
    ...(values['app-launch-url'] ? { appLaunchUrl: values['app-launch-url'] } : {}),
    onEvent: (e) => io.stderr(`cds-service: ${e}\n`),
  });
  server.on('request', (req, res) => void handler(req, res));
  io.stdout(
    `CDS Hooks service: ${baseUrl}/cds-services (listening on ${values.host}:${actual}; ${clients.value.length} allowed client(s); feedback appended to ${feedbackFile})\n`,
  );
  await io.stopRequested();
  await new Promise<void>((done) => server.close(() => done()));
  return 0;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('cds-service', USAGE, run);

runIfEntry(import.meta.url, main);
