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
    if (!Number.isSafeInteger(code) || code <= prev) throw new Error(`codes must be sorted distinct integers (${code} after ${prev})`);
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

/** Unpacks what packCodes wrote into the codes as decimal strings. Throws on a character outside both alphabets (a bug). */
export function unpackCodes(packed: string): string[] {
  const codes: string[] = [];
  let prev = -1;
  let gap = 0;
  for (const ch of packed) {
    const more = MORE_DIGITS.indexOf(ch);
    if (more >= 0) {
      gap = gap * 32 + more;
      continue;
    }
    const last = LAST_DIGITS.indexOf(ch);
    if (last < 0) throw new Error(`packed codes: unexpected character ${JSON.stringify(ch)}`);
    prev = prev + 1 + gap * 32 + last;
    gap = 0;
    codes.push(String(prev));
  }
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
  for (const [set, brands] of packedLines(packed)) for (const brand of brands.split('|')) rows.push([brand, set] as const);
  return rows;
}
