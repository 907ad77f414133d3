/**
 * Bounded input for `npm run assess` (issue 10 item 6): a size cap with a clear message and a flag to raise it,
 * a UTF-8 byte order mark accepted, /dev/zero refused without a native crash, a 10,000-deep nesting refused as
 * "too deeply nested" (not "Maximum call stack size exceeded"), a 200 MB file refused without reading it.
 * Unit tests of the reader plus the command's main in process (tests/cli/assess.test.ts runs it as a process).
 */
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { concept, condition, icd10 } from '../../fixtures/factories.ts';
import { jsonDepthExceeds, readBoundedBytes, readJsonFileBounded } from '../../src/adapters/node-read-input.ts';
import { main } from '../../src/entry/cli/assess.ts';
import { inProcess } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'assess-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const assessCli = (args: string[]) => inProcess(main, args);

const fibro = condition({ id: 'c1', patientId: 'p', code: concept([icd10('M79.7', 'Fibromyalgia')]) });
const bundleText = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: fibro }] });

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readJsonFileBounded', () => {
  it('accepts a UTF-8 byte order mark and parses the rest', () => {
    const r = readJsonFileBounded(
      file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bundleText)])),
    );
    expect(r.ok && (r.value as { resourceType: string }).resourceType).toBe('Bundle');
  });

  it('refuses a regular file over the cap from its size, and accepts one exactly at the cap', () => {
    const path = file('cap.json', '[1,2]');
    expect(readJsonFileBounded(path, { maxBytes: 4 })).toEqual({
      ok: false,
      problem: { kind: 'too-large', limitBytes: 4, sizeBytes: 5 },
    });
    expect(readJsonFileBounded(path, { maxBytes: 5 })).toEqual({ ok: true, value: [1, 2] });
  });

  it.skipIf(!existsSync('/dev/zero'))('stops reading /dev/zero one byte past the cap', () => {
    expect(readBoundedBytes('/dev/zero', 1000)).toEqual({
      ok: false,
      problem: { kind: 'too-large', limitBytes: 1000 },
    });
  });

  it('refuses invalid UTF-8 and names a directory', () => {
    expect(readJsonFileBounded(file('latin1.json', Buffer.from([0x22, 0xe9, 0x22])))).toEqual({
      ok: false,
      problem: { kind: 'not-utf8' },
    });
    expect(readJsonFileBounded(dir)).toEqual({ ok: false, problem: { kind: 'unreadable', code: 'EISDIR' } });
  });

  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[{{{{"\\"[[[[' }), 1)).toBe(false);
  });
});

describe('assess CLI input limits', () => {
  it('assesses a bundle that starts with a byte order mark', async () => {
    const r = await assessCli([file('bom-cli.json', `\uFEFF${bundleText}`), '--now', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('verdict');
  });

  it('refuses a 200 MB file from its size with a clear message naming the flag', async () => {
    const big = file('big.json', '');
    truncateSync(big, 200 * 1024 * 1024); // sparse: no disk used, but fstat says 200 MB
    const r = await assessCli([big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /is larger than the 64 MB limit \(200 MB\); not read\. Raise the limit with --max-size-mb N/,
    );
    expect(r.stderr).not.toMatch(/heap|memory|FATAL/i);
  });

  it('--max-size-mb raises the cap and is validated', async () => {
    const ok = await assessCli([file('small.json', bundleText), '--max-size-mb', '1', '--now', '2026-12-01']);
    expect(ok.code).toBe(0);
    const bad = await assessCli([file('small2.json', bundleText), '--max-size-mb', 'lots']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain('--max-size-mb must be a number of megabytes from 1 to 1024');
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses /dev/zero at the cap instead of growing without end', async () => {
    const r = await assessCli(['/dev/zero', '--max-size-mb', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "assess: /dev/zero is larger than the 1 MB limit; not read. Raise the limit with --max-size-mb N if the file is really one patient's record\n",
    );
  });

  it('refuses 10,000-deep nesting as too deeply nested', async () => {
    const deep = `{"resourceType":"Bundle","type":"collection","entry":[{"resource":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}`;
    const r = await assessCli([file('deep.json', deep)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is too deeply nested (more than 256 levels');
    expect(r.stderr).not.toContain('Maximum call stack');
  });
});
