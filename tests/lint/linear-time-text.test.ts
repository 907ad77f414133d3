/**
 * Trailing-slash stripping in linear time (issue 10 item 6): /\/+$/ backtracks quadratically on a long run of
 * slashes followed by another character, and URLs here come from allow-lists, launches and CDS Hooks requests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripTrailingSlashes, trimSlashes } from '../../src/core/fhir/systems.ts';

const root = resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('slashes', () => {
  it('trimSlashes and stripTrailingSlashes handle 200,000 slashes before a character at once', () => {
    const hostile = `${'/'.repeat(200_000)}x${'/'.repeat(200_000)}y`;
    expect(stripTrailingSlashes(hostile)).toBe(hostile);
    expect(trimSlashes(hostile).length).toBe(200_002);
    expect(trimSlashes('//a/b//')).toBe('a/b');
    expect(stripTrailingSlashes('https://ehr.example/fhir///')).toBe('https://ehr.example/fhir');
  });

  it('no source file strips slashes with the quadratic expression', () => {
    const offenders = [...sources(join(root, 'src')), ...sources(join(root, 'sandbox'))].filter((f) =>
      /\.replace\(\/(\^\\\/\+\|)?\\\/\+\$\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
