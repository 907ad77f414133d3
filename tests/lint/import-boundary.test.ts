/**
 * The import boundary of eslint.config.js: src/core stays pure (no edge, UI, adapters, Node or DOM), the edge never
 * imports the UI. Lints small sources as if they were project files, so a weakened rule fails here.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '..', '..') });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the import boundary', { timeout: 60_000 }, () => {
  it.each([
    ["import { readChart } from '../edge/chart-reader.ts';", 'the edge'],
    ["import { S } from '../ui/strings.ts';", 'the UI'],
    ["import { createNodeFhirHttp } from '../adapters/node-fhir-http.ts';", 'an adapter'],
    ["import { readFileSync } from 'node:fs';", 'Node'],
    ["import FHIR from 'fhirclient';", 'fhirclient'],
  ])('src/core may not import %s (%s)', async (line) => {
    const ids = await ruleIds('src/core/assess/boundary-probe.ts', `${line}\nexport const x = 1;\n`);
    expect(ids).toContain('no-restricted-imports');
  });

  it('src/core may not reach the DOM, the network or the clock through globals', async () => {
    const ids = await ruleIds(
      'src/core/assess/boundary-probe.ts',
      'export const x = (): unknown => [document.title, fetch, setTimeout];\n',
    );
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(3);
  });

  it('src/edge may not import the UI', async () => {
    const ids = await ruleIds(
      'src/edge/boundary-probe.ts',
      "import { S } from '../ui/strings.ts';\nexport const x = S;\n",
    );
    expect(ids).toContain('no-restricted-imports');
  });

  it('core importing core is fine', async () => {
    const ids = await ruleIds(
      'src/core/assess/boundary-probe.ts',
      "import { clinicalDate } from '../fhir/dates.ts';\nexport const x = clinicalDate('2026-12-07');\n",
    );
    expect(ids).toEqual([]);
  });
});
