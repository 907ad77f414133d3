/**
 * Serves the built app under /app/ with a strict CSP (no inline script or style, same-origin connections only),
 * plus `/app/smart-clients.json` generated for this sandbox's origin (format: src/core/smart/allow-list.ts).
 *
 * Delivery as a production host should do it (issue 12 item 5; docs/deploying.md gives the same for nginx):
 * brotli or gzip by Accept-Encoding (compress.ts), hashed files under assets/ cached for a year as immutable
 * (their name changes with their content), HTML revalidated on every load (no-cache) so a new build is picked up,
 * and the allow-list never cached (an admin's edit takes effect on the next launch).
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { SandboxContext } from '../context.ts';
import { CLIENT_ID } from '../auth/store.ts';
import { send, sendJson } from '../http.ts';
import type { AllowList } from '../../src/core/smart/allow-list.ts';
import { CompressedCache, sendNegotiated } from './compress.ts';

/** Compressed static files, shared by every sandbox in the process (keys carry path, size and mtime). */
const STATIC_CACHE = new CompressedCache();

export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

const APP_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The allow-list the app reads when served by this sandbox. */
export function sandboxAllowList(ctx: SandboxContext): AllowList {
  return {
    clients: [
      {
        name: 'Sandbox EHR (this server)',
        iss: ctx.fhirBase,
        clientId: CLIENT_ID,
        scopeVersion: 'v2',
        standalone: true,
        // The engine takes a batch of GETs at the protected base, with scopes and faults applied per entry.
        ...(ctx.batchReads ? { reads: 'batch' as const } : {}),
      },
      // The sandbox's launcher look-alike (sandbox/auth/launcher-compat.ts): one entry for every option set, and
      // the read-only fallback a launch with narrower scopes needs.
      {
        name: 'SMART launcher look-alike (this server)',
        smartLauncher: `${ctx.origin}/smart-launcher`,
        clientId: CLIENT_ID,
        scopeVersion: 'v2',
        standalone: true,
        write: 'fallback',
      },
    ],
    standalone: {
      enabled: true,
      openServers: [{ name: 'Sandbox EHR, open endpoint (no authorization)', fhirServiceUrl: ctx.openFhirBase }],
      allowTypedOpenServer: false,
    },
  };
}

async function fileIfExists(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** GET /app/... (`req` gives the Accept-Encoding; without it nothing is compressed). */
export async function serveApp(
  ctx: SandboxContext,
  appDir: string | null,
  pathname: string,
  res: ServerResponse,
  req?: IncomingMessage,
): Promise<void> {
  if (pathname === '/app/smart-clients.json') {
    return sendJson(res, 200, sandboxAllowList(ctx), { ...APP_HEADERS, 'cache-control': 'no-cache, no-store' });
  }
  const notFound = (text: string) =>
    send(res, 404, text, { ...APP_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  if (!appDir) return notFound('This sandbox was started without the app (appDir: null).');
  const root = resolve(appDir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice('/app/'.length));
  } catch {
    return notFound('Not found');
  }
  const target = resolve(root, relative);
  if (target !== root && !target.startsWith(root + sep)) return notFound('Not found');
  if (
    !pathname.endsWith('/') &&
    (await stat(target)
      .then((s) => s.isDirectory())
      .catch(() => false))
  ) {
    return send(res, 301, '', { ...APP_HEADERS, location: `${pathname}/` });
  }
  const file = await fileIfExists(target);
  if (!file) {
    const built = await fileIfExists(join(root, 'index.html'));
    return notFound(
      built
        ? 'Not found'
        : `The app is not built (no ${join(root, 'index.html')}): run "npm run build", or start with "npm start".`,
    );
  }
  const [content, info] = await Promise.all([readFile(file), stat(file)]);
  const immutable = file.includes(`${sep}assets${sep}`);
  const headers = {
    ...APP_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (!req) return send(res, 200, content, headers);
  sendNegotiated(req, res, 200, content, headers, { cache: STATIC_CACHE, key: `${file}:${info.size}:${info.mtimeMs}` });
}
