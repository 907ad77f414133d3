/**
 * What each page of the built app downloads before it can do its job, from Vite's manifest
 * (dist/.vite/manifest.json): the page's entry chunk, every chunk it imports statically, and their CSS, gzip-sized.
 * Chunks behind a dynamic import() load on demand and are counted apart.
 *
 * - Launch page: launch/index.html's static closure (the standalone picker loads on demand).
 * - Before the verdict: index.html's static closure plus the clinician screen chunk (src/ui/ClinicianApp.tsx) and
 *   its static closure: the app starts downloading it during the token exchange and needs it to show the verdict.
 * - After the verdict (on demand): every chunk reachable from there through dynamic import()s, at any depth, that
 *   is not already loaded: the planning chunk (src/ui/plan/planning.ts: planner, overrides, review, signing,
 *   handout), fetched once the verdict is on screen, and the order writer it fetches when the clinician signs.
 *
 * Used by tests/e2e/size-budget.test.ts (the budgets) and bench/launch.bench.ts (the figures); run directly
 * (`npx tsx scripts/bundle-size.ts [dist]`) it prints the three figures file by file.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * Gzip budgets in bytes: the launch page alone (issue 6: 25 KB), and everything needed before the verdict. With
 * the planner, overrides, review, sign panel, handout and write path loaded after the verdict (issue 14 item 1)
 * the second went from 113.6 to 95.7 KB on the build of 1 Dec 2026, 96.1 KB once the problem vocabulary and the
 * plan wording and styles moved (strings-plan.ts, plan.css); the budget leaves about 2 KB for growth. Most
 * of what remains is the clinical knowledge the assessment needs (rules, sources, code tables) and fhirclient.
 */
export const BUDGETS = { launchPage: 25 * 1024, beforeVerdict: 98 * 1024 } as const;

export interface PageBytes {
  /** Files (relative to dist/) with their gzip sizes. */
  files: { file: string; gzip: number }[];
  gzip: number;
  /** The manifest keys counted: source paths of entry chunks (e.g. src/edge/order-writer.ts), `_name.js` of shared ones. */
  chunks: string[];
}

export interface BundleFigures {
  launchPage: PageBytes;
  beforeVerdict: PageBytes;
  /** Chunks that load on demand after the verdict (the planning chunk, the order writer), at any depth. */
  afterVerdict: PageBytes;
}

function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle-size: ${key} is not in the Vite manifest`);
    seen.add(key);
    for (const k of chunk.imports ?? []) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

/** Every chunk reachable from `loaded` through dynamic imports (then any import), that `loaded` does not hold. */
function onDemand(manifest: Manifest, loaded: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key) || loaded.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle-size: ${key} is not in the Vite manifest`);
    seen.add(key);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(k);
  };
  for (const key of loaded) for (const d of manifest[key]!.dynamicImports ?? []) visit(d);
  return seen;
}

function bytesOf(dist: string, manifest: Manifest, keys: Iterable<string>): PageBytes {
  const files = new Set<string>();
  const chunks: string[] = [];
  for (const k of keys) {
    chunks.push(k);
    const chunk = manifest[k]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  const list = [...files].map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  }));
  return { files: list, gzip: list.reduce((a, f) => a + f.gzip, 0), chunks };
}

/** The three figures for a build in `dist`. */
export function bundleFigures(dist: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const launch = closure(manifest, ['launch/index.html']);
  const verdict = closure(manifest, ['index.html', 'src/ui/ClinicianApp.tsx']);
  return {
    launchPage: bytesOf(dist, manifest, launch),
    beforeVerdict: bytesOf(dist, manifest, verdict),
    afterVerdict: bytesOf(dist, manifest, onDemand(manifest, verdict)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const figures = bundleFigures(resolve(process.argv[2] ?? 'dist'));
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, page] of Object.entries(figures) as [keyof BundleFigures, PageBytes][]) {
    const budget = name in BUDGETS ? ` (budget ${kb(BUDGETS[name as keyof typeof BUDGETS])})` : '';
    console.log(`${name}: ${kb(page.gzip)} gzip${budget}`);
    for (const f of [...page.files].sort((a, b) => b.gzip - a.gzip))
      console.log(`  ${kb(f.gzip).padStart(8)}  ${f.file}`);
  }
}
