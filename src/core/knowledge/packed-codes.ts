/**
 * The compact text form of the generated product-code and brand tables (src/core/knowledge/generated), written by
 * scripts/build-code-tables.ts and unpacked on first use (src/core/match/medication-index.ts), not at module load.
 * Why: the plain lists ("106500 328828 ...") were most of the clinician screen's download (~27 KB gzip of 10,100 codes); sorted codes stored as gaps in a separator-free
 * base-32 form gzip to ~10 KB, and the decoded tables are exactly the same.
 *
 * Codes: per ingredient set, the sorted RxNorm codes as gaps (first code, then code minus previous code minus 1),
 * each gap a base-32 number whose last digit comes from LAST_DIGITS and whose leading digits from MORE_DIGITS, so
 * no separator is needed. Lines are `<ingredient ids joined by "+">:<digits>`.
 * Brands: lines `<ingredient ids joined by "+">:<brand>|<brand>|...` (brands are lower-case words, no "|" or ":").
 */

const LAST_DIGITS = '0123456789abcdefghijklmnopqrstuv';
const MORE_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';

/** Packs sorted, distinct, positive integer codes (build script side). */
export function packCodes(codes: readonly number[]): string {
  let out = '';
  let prev = -1;
  for (const code of codes) {
    if (!Number.isSafeInteger(code) || code <= prev)
      throw new Error(`codes must be sorted distinct integers (${code} after ${prev})`);
    let gap = code - prev - 1;
    let digits = LAST_DIGITS[gap % 32] as string;
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits = (MORE_DIGITS[gap % 32] as string) + digits;
      gap = Math.floor(gap / 32);
    }
    out += digits;
    prev = code;
  }
  return out;
}

/** Character code -> digit value: 0-31 for LAST_DIGITS, 32-63 for MORE_DIGITS (value + 32), -1 otherwise. */
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  DIGIT_VALUE[LAST_DIGITS.charCodeAt(i)] = i;
  DIGIT_VALUE[MORE_DIGITS.charCodeAt(i)] = 32 + i;
}

/**
 * Calls `each` with every code packCodes wrote, as a number, in order: no strings are made (the code index keeps
 * numbers). Throws on a character outside both alphabets (a bug).
 */
export function forEachPackedCode(packed: string, each: (code: number) => void): void {
  let prev = -1;
  let gap = 0;
  for (let i = 0; i < packed.length; i++) {
    const ch = packed.charCodeAt(i);
    const v = ch < 128 ? (DIGIT_VALUE[ch] as number) : -1;
    if (v < 0) throw new Error(`packed codes: unexpected character ${JSON.stringify(packed[i])}`);
    if (v >= 32) {
      gap = gap * 32 + (v - 32);
      continue;
    }
    prev = prev + 1 + gap * 32 + v;
    gap = 0;
    each(prev);
  }
}

/**
 * Writes `code * scale + offset` for every code packCodes wrote into `out` from index `at`; returns the index after
 * the last one written. The same decoding as forEachPackedCode without a callback per code: the RxNorm index
 * decodes 10,100 codes on the first assess() of a launch, in cold code (issue 14 item 1). `out` must have room
 * for one key per character of `packed` (each code takes at least one). Throws on a foreign character (a bug).
 */
export function decodePackedKeys(packed: string, out: Int32Array, at: number, scale: number, offset: number): number {
  let prev = -1;
  let gap = 0;
  let n = at;
  for (let i = 0; i < packed.length; i++) {
    const ch = packed.charCodeAt(i);
    const v = ch < 128 ? (DIGIT_VALUE[ch] as number) : -1;
    if (v < 0) throw new Error(`packed codes: unexpected character ${JSON.stringify(packed[i])}`);
    if (v >= 32) {
      gap = gap * 32 + (v - 32);
      continue;
    }
    prev = prev + 1 + gap * 32 + v;
    gap = 0;
    if (prev * scale + offset > 2 ** 31 - 1) throw new Error(`packed codes: code ${prev} too large for the index`);
    out[n++] = prev * scale + offset;
  }
  return n;
}

/** Unpacks what packCodes wrote into the codes as decimal strings. Throws on a character outside both alphabets (a bug). */
export function unpackCodes(packed: string): string[] {
  const codes: string[] = [];
  forEachPackedCode(packed, (code) => codes.push(String(code)));
  return codes;
}

/** Splits `<key>:<value>` lines (the key never contains ":"). */
export function packedLines(packed: string): [string, string][] {
  return packed
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at), line.slice(at + 1)];
    });
}

/** [ingredient ids joined by "+", RxNorm codes separated by spaces], as the generated tables were before packing. */
export function unpackProductCodeGroups(packed: string): (readonly [string, string])[] {
  return packedLines(packed).map(([set, digits]) => [set, unpackCodes(digits).join(' ')] as const);
}

/** [brand, ingredient ids joined by "+"] from lines `<set>:<brand>|<brand>`. */
export function unpackBrandIngredients(packed: string): (readonly [string, string])[] {
  const rows: (readonly [string, string])[] = [];
  for (const [set, brands] of packedLines(packed))
    for (const brand of brands.split('|')) rows.push([brand, set] as const);
  return rows;
}
