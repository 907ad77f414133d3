/**
 * Launch benchmark (issue 6, item 3): prints figures, asserts nothing.
 *
 * Builds the app, starts the sandbox EHR on a free port, and launches the app in Debian's Chromium with 100 ms
 * of added latency on every request (Chrome DevTools Network.emulateNetworkConditions). For a typical patient
 * and for the 5,000-medication chart it prints:
 *   - bytes of JS + CSS a launch downloads: gzip -9 of each file, and what actually crossed the wire (the
 *     sandbox's brotli/gzip as negotiated, headers included: CDP Network.loadingFinished encodedDataLength);
 *     split into what was requested before the verdict appeared and after it (the planning chunk, loaded on
 *     demand: issue 14 item 1), by each file's Resource Timing startTime against the verdict's time;
 *   - FHIR requests from token to verdict, and how many of them are sequential round trips;
 *   - time from the token response to the verdict on screen, and from the last FHIR response to the verdict.
 * Times come from the page's own clock (Resource Timing and a MutationObserver installed before any script).
 *
 * Usage: npm run bench:launch [-- --runs 3 --latency 100 --no-build] [--app-dir DIR (a build made elsewhere)]
 *        [--parallel-reads (the sandbox's entry without "reads": "batch"; needed for a build older than it)]
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startSandbox } from '../sandbox/server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium.ts';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    latency: { type: 'string', default: '100' },
    'no-build': { type: 'boolean', default: false },
    'app-dir': { type: 'string' },
    // The sandbox's allow-list entry without "reads": "batch" (ten parallel GETs; also what an app built before
    // the setting existed needs, since its allow-list parser refuses the unknown key).
    'parallel-reads': { type: 'boolean', default: false },
  },
  strict: true,
});
const runs = Number(flags.runs);
const latencyMs = Number(flags.latency);
const repoRoot = resolve(import.meta.dirname, '..');

interface Timing {
  name: string;
  startTime: number;
  responseEnd: number;
  initiatorType: string;
}
interface PageFigures {
  resources: Timing[];
  verdictAt: number | null;
  progressSeen: boolean;
}

/**
 * Installed before any page script: records when [data-verdict] first appears, on the page's clock. A string,
 * not a function: tsx's keepNames helpers would not exist inside the page.
 */
const VERDICT_OBSERVER = `
  window.__bench = { verdictAt: null, progressSeen: false };
  const check = () => {
    if (window.__bench.verdictAt === null && document.querySelector('[data-verdict]')) window.__bench.verdictAt = performance.now();
    // The clinician screen's progress line ("Read 1,234 of 5,000 records") while the chart is being read.
    const line = document.querySelector('main[data-screen="reading"] .progress');
    if (line && /[0-9]/.test(line.textContent || '')) window.__bench.progressSeen = true;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

interface AssetFigures {
  bytes: number;
  gzip: number;
  page: string;
  transferred?: number;
  /** Requested by the app page after the verdict was on screen (Resource Timing startTime > verdictAt). */
  afterVerdict?: boolean;
}

/**
 * Bytes on the wire per URL (encoded body plus headers, as Chromium counts them), from the DevTools protocol; the
 * map fills while the page loads (a URL requested twice keeps its first transfer).
 */
function recordTransfers(cdp: CDPSession): Map<string, number> {
  const urls = new Map<string, string>();
  const wire = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url && !wire.has(url)) wire.set(url, e.encodedDataLength);
  });
  return wire;
}

async function launchOnce(
  page: Page,
  origin: string,
  patientId: string,
): Promise<{ figures: PageFigures; assets: Map<string, AssetFigures> }> {
  const assets = new Map<string, AssetFigures>();
  // The document that asked for each asset, read when the request starts (by the time the response arrives the
  // launch page may already have navigated to the authorization server). The first document to ask owns a shared
  // chunk: the app page finds Preact and fhirclient in the cache of the launch page.
  const requestedBy = new Map<string, string>();
  page.on('request', (request) => {
    const type = request.resourceType();
    if ((type === 'script' || type === 'stylesheet') && !requestedBy.has(request.url()))
      requestedBy.set(request.url(), new URL(request.frame().url()).pathname);
  });
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    reading.push(
      response.body().then(
        (body) => {
          const from = requestedBy.get(response.url()) ?? '';
          assets.set(response.url(), { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, page: from });
        },
        () => undefined, // a redirect has no body
      ),
    );
  });
  await page.goto(`${origin}/launch?patient=${encodeURIComponent(patientId)}`);
  await page.waitForSelector('[data-verdict]', { timeout: 120_000 });
  // The planner's code arrives after the verdict (issue 14 item 1): wait for it, so its bytes are counted too.
  await page.waitForSelector('section.planner', { timeout: 120_000 });
  await Promise.all(reading);
  const figures = (await page.evaluate(`({
    resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, startTime: r.startTime, responseEnd: r.responseEnd, initiatorType: r.initiatorType })),
    verdictAt: window.__bench.verdictAt,
    progressSeen: window.__bench.progressSeen,
  })`)) as PageFigures;
  return { figures, assets };
}

/** Longest chain of requests where each starts after the previous one has finished. */
function sequentialRoundTrips(requests: Timing[]): number {
  const sorted = [...requests].sort((a, b) => a.startTime - b.startTime);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j]!.responseEnd <= r.startTime) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
  });
  return Math.max(0, ...depth);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (n: number) => (n / 1024).toFixed(1);

async function main(): Promise<void> {
  if (!flags['no-build']) {
    const { build } = await import('vite');
    await build({
      root: repoRoot,
      configFile: resolve(repoRoot, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  }
  const sandbox = await startSandbox({
    port: 0,
    appDir: flags['app-dir'] !== undefined ? resolve(flags['app-dir']) : resolve(repoRoot, 'dist'),
    quiet: true,
    batchReads: !flags['parallel-reads'],
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  console.log(
    `launch benchmark: sandbox ${sandbox.origin}, ${latencyMs} ms added latency per request, ${runs} runs each, median shown, chart reads ${flags['parallel-reads'] ? 'parallel' : 'in one batch'}`,
  );
  try {
    for (const [label, patientId] of [
      ['typical patient (ldn-crohns-oxycodone)', 'ldn-crohns-oxycodone'],
      ['large chart (ldn-large-chart: 5,000 medication records, 2,000 conditions)', 'ldn-large-chart'],
    ] as const) {
      const tokenToVerdict: number[] = [];
      const lastResponseToVerdict: number[] = [];
      const tokenToFirstRequest: number[] = [];
      const firstWave: number[] = [];
      let fhirRequests = 0;
      let roundTrips = 0;
      let progressSeen = false;
      let assetsSeen = new Map<string, AssetFigures>();
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
        const page = await context.newPage();
        await page.addInitScript(VERDICT_OBSERVER);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: latencyMs,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
        const wire = recordTransfers(cdp);
        const { figures, assets } = await launchOnce(page, sandbox.origin, patientId);
        for (const [url, a] of assets) {
          a.transferred = wire.get(url) ?? 0;
          const start = figures.resources.find((r) => r.name === url)?.startTime;
          a.afterVerdict =
            !a.page.includes('/launch') && start !== undefined && start > (figures.verdictAt ?? Infinity);
        }
        assetsSeen = assets;
        const token = figures.resources.find((r) => r.name.includes('/auth/token'));
        if (!token || figures.verdictAt === null)
          throw new Error(
            `no token request or no verdict recorded: verdictAt=${figures.verdictAt} resources=${figures.resources.map((r) => r.name).join(' ')}`,
          );
        const fhir = figures.resources.filter(
          // The FHIR base itself too: a batch is POSTed to it.
          (r) =>
            /\/fhir(\/|\?|$)/.test(r.name) && r.startTime >= token.responseEnd && r.startTime <= figures.verdictAt!,
        );
        const lastEnd = Math.max(...fhir.map((r) => r.responseEnd));
        tokenToVerdict.push(figures.verdictAt - token.responseEnd);
        lastResponseToVerdict.push(figures.verdictAt - lastEnd);
        const firstStart = Math.min(...fhir.map((r) => r.startTime));
        tokenToFirstRequest.push(firstStart - token.responseEnd);
        // How long the first requests took on the wire (added latency, server time, transfer).
        firstWave.push(
          Math.max(...fhir.filter((r) => r.startTime - firstStart < 5).map((r) => r.responseEnd)) - firstStart,
        );
        fhirRequests = fhir.length;
        roundTrips = sequentialRoundTrips(fhir);
        progressSeen ||= figures.progressSeen;
        await context.close();
      }
      console.log(`\n${label}`);
      console.log(`  FHIR requests from token to verdict: ${fhirRequests}; sequential round trips: ${roundTrips}`);
      console.log(
        `  token response -> verdict on screen: ${median(tokenToVerdict).toFixed(0)} ms (runs: ${tokenToVerdict.map((t) => t.toFixed(0)).join(', ')})`,
      );
      console.log(
        `  token response -> first FHIR request: ${median(tokenToFirstRequest).toFixed(0)} ms; first requests on the wire: ${median(firstWave).toFixed(0)} ms`,
      );
      console.log(`  last FHIR response -> verdict on screen: ${median(lastResponseToVerdict).toFixed(0)} ms`);
      console.log(
        `  progress shown while reading: ${progressSeen ? 'yes' : 'no (read finished before a progress render)'}`,
      );
      if (patientId === 'ldn-crohns-oxycodone') {
        const launchPage = [...assetsSeen.values()].filter((a) => a.page.includes('/launch'));
        const all = [...assetsSeen.values()];
        const sum = (xs: typeof all, k: 'bytes' | 'gzip' | 'transferred') => xs.reduce((s, a) => s + (a[k] ?? 0), 0);
        const line = (xs: typeof all) =>
          `${kb(sum(xs, 'transferred'))} KB transferred, ${kb(sum(xs, 'gzip'))} KB gzip -9, ${kb(sum(xs, 'bytes'))} KB raw, ${xs.length} files`;
        console.log(`  JS+CSS downloaded by the launch page alone: ${line(launchPage)}`);
        console.log(`  JS+CSS downloaded by the whole launch:      ${line(all)}`);
        console.log(`    requested before the verdict appeared:    ${line(all.filter((a) => !a.afterVerdict))}`);
        console.log(`    requested after it (on demand):           ${line(all.filter((a) => a.afterVerdict))}`);
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:launch failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
