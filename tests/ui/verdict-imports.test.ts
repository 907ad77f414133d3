/**
 * What the verdict waits for (issue 14 item 1), checked on the source: the modules the clinician screen reaches by
 * static imports (src/ui/ClinicianApp.tsx and onwards, type-only imports left out since they vanish from the
 * build) include none of the plan part: planner, order builder, review, signing, handout, the write path. Those
 * are reached only through the dynamic import() of src/ui/plan/planning.ts. The size-budget browser test measures
 * the same on the build; this one fails before a build is made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

/** Relative specifiers of the runtime imports and re-exports of a source file (not `import type`/`export type`). */
function runtimeImports(source: string): string[] {
  const specs: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue; // import type / export type: erased
    if (m[1] === 'export' && !m[3]) continue;
    if (m[4]!.startsWith('.')) specs.push(m[4]!);
  }
  return specs;
}

/** Every file reachable from `entry` by runtime static imports, as paths relative to the repository. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const rel = relative(root, file);
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!/\.(ts|tsx)$/.test(file)) return; // CSS and other assets
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (!existsSync(target)) throw new Error(`${rel}: cannot resolve ${spec}`);
      visit(target);
    }
  };
  visit(resolve(root, entry));
  return seen;
}

const PLAN_PART = [
  /^src\/core\/titration\//,
  /^src\/core\/order\/(build-order|fallbacks|summary|order-identity|sign-gate|override-policy|detected-issue)\.ts$/,
  /^src\/edge\/order-writer\.ts$/,
  /^src\/ui\/plan\/(PlanSection\.tsx|planning\.ts)$/,
  /^src\/ui\/components\/(Planner|SignPanel|PatientHandout|Overrides|OrderPreview|OrderReview|Fallbacks)\.tsx$/,
  /^src\/ui\/model\/(use-plan|use-write|plan-fields|use-prescriber)\.ts$/,
  /^src\/ui\/strings-order\.ts$/,
];

describe('the verdict part of the clinician screen', () => {
  const verdict = staticClosure('src/ui/ClinicianApp.tsx');

  it('is found (the walk reaches the screen, the assessment and the chart reader)', () => {
    for (const f of ['src/ui/ClinicianScreen.tsx', 'src/core/assess/assess.ts', 'src/edge/chart-reader.ts'])
      expect(verdict).toContain(f);
  });

  it('imports none of the plan part statically', () => {
    const leaked = [...verdict].filter((f) => PLAN_PART.some((p) => p.test(f)));
    expect(leaked).toEqual([]);
  });

  it('the planning chunk does reach the plan part (the list above names real modules)', () => {
    const planning = staticClosure('src/ui/plan/planning.ts');
    for (const p of PLAN_PART.slice(0, 2))
      expect(
        [...planning].some((f) => p.test(f)),
        String(p),
      ).toBe(true);
    expect(planning).toContain('src/ui/components/Planner.tsx');
    expect(planning).toContain('src/ui/model/use-plan.ts');
  });
});
