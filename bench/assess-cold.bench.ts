/**
 * Cold assess() benchmark (issue 14 item 1): a launch runs assess() once, in a fresh JavaScript context, so the
 * figure that matters is the first call, not the warm loop of bench/assess.bench.ts. Prints figures, asserts nothing.
 *
 * The core is bundled with esbuild (minified ESM, as the app ships it) and every sample is a fresh Node process
 * (bench/assess-cold-sample.ts) that builds the synthetic chart (bench/assess-chart.ts), then times separately:
 *   - module load: importing the core bundle (parse, evaluate, and any table unpacking / index building at load);
 *   - first assess(): the cold call (JIT not warm, lazily built indexes built here), with its GC time;
 *   - warm: the median of 5 further calls in the same process;
 *   - CPU: the process's CPU time (all threads: compiler and GC threads too) over load and first call, which the
 *     other processes of a shared machine disturb far less than the wall time.
 * `--settle MS` (default 0: as before) lets each sample's process idle that long after building the chart, before
 * the timed spans: building 15,000 resources leaves collector and compiler work that the first await (the import)
 * otherwise runs and charges to "module load" (about 15 ms at 10,000 records, for any module, even an empty one).
 * `--in chromium` takes each sample in a freshly started headless Chromium instead (bench/assess-cold-page.ts; the
 * project's binary and flags), where the app runs assess(): wall times only (no CPU or GC figures there).
 * `--warm-up` runs the core's own warmUp() (src/core/assess/warm-up.ts: what the app runs while the chart read is on
 * the wire) after the module load, timed apart; "first assess()" is then the launch's assessment after it. A core
 * without warmUp (an older commit) is timed cold, as before.
 * `--root DIR` (repeatable) compares other checkouts of the repo on the same chart, interleaved process by process,
 * e.g. a `git worktree add /tmp/base <commit>` of the commit before a change. A root only has to provide the core
 * (src/core/assess/index.ts): the sample script and the chart builder always come from this checkout, so an old
 * commit without these bench files can be measured too. Each further root's medians are also given as a share of
 * the first root's (the "x of first root" figures), since the machine's load moves all of them together.
 *
 *   npx tsx bench/assess-cold.bench.ts [--runs 7] [--root /tmp/base --root .] [--sizes 10000,100000] [--settle 50]
 *                                      [--in node|chromium] [--warm-up]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium.ts';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    root: { type: 'string', multiple: true },
    sizes: { type: 'string', default: '10000,100000' },
    settle: { type: 'string', default: '0' },
    in: { type: 'string', default: 'node' },
    'warm-up': { type: 'boolean', default: false },
  },
  strict: true,
});
const runs = Number(flags.runs);
const here = resolve(import.meta.dirname, '..');
const roots = (flags.root?.length ? flags.root : [here]).map((r) => resolve(r));
const sizes = flags.sizes.split(',').map(Number);
const settle = Number(flags.settle);
const inBrowser = flags.in === 'chromium';
const warmUp = flags['warm-up'];
if (!inBrowser && flags.in !== 'node') throw new Error(`--in ${flags.in}: node or chromium`);
const out = mkdtempSync(join(tmpdir(), 'assess-cold-'));

async function bundle(entry: string, file: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: inBrowser ? 'browser' : 'node',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
  });
  return file;
}

interface Sample {
  loadMs: number;
  firstMs: number;
  /** CPU time of the process (all threads) over the same spans; not measured in Chromium. */
  loadCpuMs?: number;
  firstCpuMs?: number;
  gcMs?: number;
  warmMs: number;
  /** The core's warmUp() before the first call (`--warm-up`, cores that have one). */
  warmUpMs?: number;
  verdict: string;
  conflicts: number;
  candidacy: number;
}

const sampleScript = await bundle(
  join(here, 'bench', inBrowser ? 'assess-cold-page.ts' : 'assess-cold-sample.ts'),
  join(out, 'sample.mjs'),
);
const cores = await Promise.all(
  roots.map((r, i) => bundle(join(r, 'src', 'core', 'assess', 'index.ts'), join(out, `core-${i}.mjs`))),
);

const q = (list: number[], p: number): number => {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
const fmt = (list: number[]): string => `median ${q(list, 0.5).toFixed(1)} ms, p95 ${q(list, 0.95).toFixed(1)} ms`;

/** The files of `out`, for the browser samples: the page, the sample script and the core bundles. */
const server = inBrowser
  ? createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
      if (name === '') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<!doctype html><meta charset="utf-8"><title>cold assess</title><script type="module" src="/sample.mjs"></script>',
        );
        return;
      }
      if (!/^[\w.-]+\.mjs$/.test(name)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(out, name)));
    })
  : undefined;
if (server) {
  writeFileSync(join(out, 'empty.mjs'), 'export {};\n');
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
}
const origin = server ? `http://127.0.0.1:${(server.address() as AddressInfo).port}` : '';

/** One sample of root `i`: a fresh Node process, or a freshly started Chromium (no code cache, no warm JIT). */
async function takeSample(i: number, meds: number, conditions: number): Promise<Sample> {
  if (!inBrowser) {
    const line = execFileSync(
      process.execPath,
      [
        sampleScript,
        pathToFileURL(cores[i]!).href,
        String(meds),
        String(conditions),
        String(settle),
        warmUp ? '1' : '0',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    return JSON.parse(line) as Sample;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    const query = new URLSearchParams({ core: `/core-${i}.mjs`, empty: '/empty.mjs' });
    query.set('meds', String(meds));
    query.set('conditions', String(conditions));
    query.set('settle', String(settle));
    if (warmUp) query.set('warmup', '1');
    await page.goto(`${origin}/?${query.toString()}`);
    return (await page.evaluate('window.coldSample')) as Sample;
  } finally {
    await browser.close();
  }
}

const where = inBrowser ? `freshly started Chromium (${CHROMIUM_PATH})` : `fresh Node ${process.version} processes`;
console.log(
  `cold assess(): ${runs} ${where} per size and checkout, interleaved` +
    (settle > 0 ? `; each idles ${settle} ms after building the chart` : ''),
);
for (const meds of sizes) {
  const conditions = Math.floor(meds / 2);
  const samples: Sample[][] = roots.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < roots.length; i++) samples[i]!.push(await takeSample(i, meds, conditions));
  }
  console.log(`\n${meds.toLocaleString('en')} medication records + ${conditions.toLocaleString('en')} conditions:`);
  const med = (s: Sample[], f: (x: Sample) => number): number => q(s.map(f), 0.5);
  const share = (i: number, f: (x: Sample) => number): string =>
    i === 0 ? '' : ` (${((100 * med(samples[i]!, f)) / med(samples[0]!, f)).toFixed(0)}% of first root)`;
  roots.forEach((root, i) => {
    const s = samples[i]!;
    const first = s[0]!;
    const gc = med(s, (x) => x.gcMs ?? 0);
    console.log(`  ${root}`);
    console.log(`    module load          ${fmt(s.map((x) => x.loadMs))}${share(i, (x) => x.loadMs)}`);
    const warmed = s.filter((x) => x.warmUpMs !== undefined);
    if (warmUp)
      console.log(
        warmed.length === s.length
          ? `    warm-up (not timed in the rest: the app runs it while the chart is on the wire) ${fmt(warmed.map((x) => x.warmUpMs!))}`
          : '    warm-up              none (this core has no warmUp): the first call below is cold',
      );
    const gcNote = inBrowser
      ? ''
      : ` (GC in it: median ${gc.toFixed(1)} ms, ${((100 * gc) / med(s, (x) => x.firstMs)).toFixed(0)}%)`;
    console.log(`    first assess()       ${fmt(s.map((x) => x.firstMs))}${share(i, (x) => x.firstMs)}${gcNote}`);
    console.log(
      `    load + first         ${fmt(s.map((x) => x.loadMs + x.firstMs))}${share(i, (x) => x.loadMs + x.firstMs)}`,
    );
    console.log(`    warm assess()        ${fmt(s.map((x) => x.warmMs))}${share(i, (x) => x.warmMs)}`);
    const cpu = (x: Sample): number => (x.loadCpuMs ?? 0) + (x.firstCpuMs ?? 0);
    if (!inBrowser)
      console.log(
        `    CPU load + first     ${fmt(s.map(cpu))}${share(i, cpu)} (load ${med(s, (x) => x.loadCpuMs ?? 0).toFixed(
          1,
        )}, first ${med(s, (x) => x.firstCpuMs ?? 0).toFixed(1)}; all threads)`,
      );
    console.log(
      `    result: verdict ${first.verdict}, ${first.conflicts} conflicts, ${first.candidacy} candidacy entries`,
    );
  });
}
server?.close();
rmSync(out, { recursive: true, force: true });
