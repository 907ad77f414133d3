/**
 * `npm start` / `npm run dev`: runs the sandbox EHR with the built app on PORT (default 8787) and prints the
 * launcher URL. With --dev, `vite build --watch` rebuilds dist/ as sources change (reload the page to see it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startSandbox } from './server.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dev: { type: 'boolean', default: false }, port: { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port "${values.port ?? process.env.PORT}"`);
  let watcher: ChildProcess | undefined;
  if (values.dev) {
    watcher = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--watch'], { stdio: 'inherit' });
  }
  const started = performance.now();
  const sandbox = await startSandbox({ port });
  console.log(`Started in ${Math.round(performance.now() - started)} ms. Open the launcher: ${sandbox.origin}/`);
  const stop = () => {
    watcher?.kill('SIGTERM');
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  const hint = /EADDRINUSE/.test(message) ? ' (the port is in use: set PORT=<another port>)' : '';
  console.error(`sandbox: ${message}${hint}`);
  process.exit(1);
});
