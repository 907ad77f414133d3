/**
 * Size budgets of the built app (issue 14 items 1 and 4): the launch page stays within 25 KB gzip and what the app
 * needs before the verdict within its budget (scripts/bundle-size.ts); the planning chunk (planner, overrides,
 * review, signing, handout) and the order writer load after the verdict, on demand. Reads the build the e2e
 * global setup made (or E2E_APP_DIR); skipped with the browser tests when there is no build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { BUDGETS, bundleFigures } from '../../scripts/bundle-size.ts';
import { CHUNK_NAME_PLACEHOLDER } from '../../scripts/chunk-name-plugin.ts';

const dist = resolve(process.env.E2E_APP_DIR ?? resolve(import.meta.dirname, '..', '..', 'dist'));
const built = inject('sandboxOrigin') !== '' && existsSync(resolve(dist, '.vite', 'manifest.json'));

describe.skipIf(!built)('size budgets of the build', () => {
  const figures = built ? bundleFigures(dist) : undefined;
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

  it(`the launch page downloads at most ${kb(BUDGETS.launchPage)} gzip`, () => {
    const page = figures!.launchPage;
    expect(page.files.some((f) => f.file.includes('launch'))).toBe(true);
    expect(page.gzip, page.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')).toBeLessThanOrEqual(
      BUDGETS.launchPage,
    );
  });

  it(`the app downloads at most ${kb(BUDGETS.beforeVerdict)} gzip before the verdict`, () => {
    const page = figures!.beforeVerdict;
    expect(page.files.some((f) => f.file.includes('ClinicianApp'))).toBe(true);
    expect(page.gzip, page.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')).toBeLessThanOrEqual(
      BUDGETS.beforeVerdict,
    );
  });

  it('the planning chunk and the order writer are not part of what the verdict waits for', () => {
    const { beforeVerdict, afterVerdict } = figures!;
    for (const chunk of ['src/ui/plan/planning.ts', 'src/edge/order-writer.ts']) {
      expect(beforeVerdict.chunks, chunk).not.toContain(chunk);
      expect(afterVerdict.chunks, chunk).toContain(chunk);
    }
    // Counted once: nothing loaded before the verdict is counted again after it.
    const before = new Set(beforeVerdict.files.map((f) => f.file));
    expect(afterVerdict.files.filter((f) => before.has(f.file))).toEqual([]);
  });

  it("the planner's retry after a failed download names the built planning chunk", () => {
    const planning = figures!.afterVerdict.files.find((f) => /(^|\/)planning-[^/]+\.js$/.test(f.file));
    expect(planning).toBeDefined();
    const screen = figures!.beforeVerdict.files.find((f) => f.file.includes('ClinicianApp') && f.file.endsWith('.js'))!;
    const code = readFileSync(resolve(dist, screen.file), 'utf8');
    // The retry is in the build, and the build wrote the chunk's name into it (scripts/chunk-name-plugin.ts).
    expect(code).toContain('?retry=');
    expect(code).not.toContain(CHUNK_NAME_PLACEHOLDER);
  });
});
