/** Reads ../shared/reference-data/*.tsv (tests only; the app never ships these lists). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REFERENCE_DIR = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference-data');
export const HAS_REFERENCE = existsSync(resolve(REFERENCE_DIR, 'opioids.tsv'));

if (!HAS_REFERENCE) console.warn(`[reference-data] ${REFERENCE_DIR} not found: recall/precision tests are skipped.`);

/** Rows of a TSV with a header line, as objects keyed by column name. */
export function readTsv(name: string): Record<string, string>[] {
  const lines = readFileSync(resolve(REFERENCE_DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
