/**
 * What each page of the built app downloads before it can do its job, from Vite's manifest
 * (dist/.vite/manifest.json): the page's entry chunk, every chunk it imports statically, and their CSS, gzip-sized.
 * Chunks behind a dynamic import() load on demand and are counted apart.
 *
 * - Launch page: launch/index.html's static closure (the standalone picker loads on demand).
 * - Before the verdict: index.html's static closure plus the clinician screen chunk (src/ui/ClinicianApp.tsx) and
 *   its static closure: the app starts downloading it during the token exchange and needs it to show the verdict.
 *   Anything the clinician screen imports dynamically (the order writer, the planner) arrives after the verdict.
 *
 * Used by tests/e2e/size-budget.test.ts (the budgets) and bench/launch.bench.ts (the figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * Gzip budgets in bytes: the launch page alone (issue 6: 25 KB), and everything needed before the verdict. The
 * second is a guard against growth at today's size (112 KB after the second clinical pass, the read-integrity
 * checks and the planner's fills, measured on the build of 1 Dec 2026), not the goal: issue 14 wants the planner,
 * overrides, review, sign panel and handout loaded after the verdict, which would bring it to about 92 KB.
 */
export const BUDGETS = { launchPage: 25 * 1024, beforeVerdict: 115 * 1024 } as const;

export interface PageBytes {
  /** Files (relative to dist/) with their gzip sizes. */
  files: { file: string; gzip: number }[];
  gzip: number;
}

export interface BundleFigures {
  launchPage: PageBytes;
  beforeVerdict: PageBytes;
  /** Chunks that load on demand after the verdict (planner, order writer, ...). */
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

function bytesOf(
  dist: string,
  manifest: Manifest,
  keys: Iterable<string>,
  exclude: ReadonlySet<string> = new Set(),
): PageBytes {
  const files = new Set<string>();
  for (const k of keys) {
    if (exclude.has(k)) continue;
    const chunk = manifest[k]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  const list = [...files].map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  }));
  return { files: list, gzip: list.reduce((a, f) => a + f.gzip, 0) };
}

/** The three figures for a build in `dist`. */
export function bundleFigures(dist: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const launch = closure(manifest, ['launch/index.html']);
  const verdict = closure(manifest, ['index.html', 'src/ui/ClinicianApp.tsx']);
  const onDemand = new Set<string>();
  for (const key of verdict) for (const d of manifest[key]!.dynamicImports ?? []) if (!verdict.has(d)) onDemand.add(d);
  const after = closure(manifest, [...onDemand]);
  return {
    launchPage: bytesOf(dist, manifest, launch),
    beforeVerdict: bytesOf(dist, manifest, verdict),
    afterVerdict: bytesOf(dist, manifest, after, verdict),
  };
}
