/**
 * A phrase index: whole-word phrases of up to MAX_WORDS tokens mapped to values, looked up in one pass over a
 * token list. Built once at module load (precomputed Maps), so matching costs a few Map lookups per token.
 */
import { phraseKey } from './tokens.ts';

export interface PhraseHit<T> {
  value: T;
  /** The phrase as it matched (lower case). */
  phrase: string;
  /** Token position where it started. */
  at: number;
}

/** A phrase phraseKey would return unchanged: lower-case letters and digits, words separated by one space. */
const KEY_FORM = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

export class PhraseIndex<T> {
  private readonly map = new Map<string, T[]>();
  /** First words of multi-word phrases: most tokens start none, so no joined key is built for them. */
  private readonly starts = new Set<string>();
  private maxWords = 1;

  add(phrase: string, value: T): void {
    // Most phrases (every generated brand) are already lower-case words with single spaces: their key is the phrase.
    const key = KEY_FORM.test(phrase) ? phrase : phraseKey(phrase);
    if (!key) return;
    // Words counted by their single separating spaces, not split into a list: the index is built on the first,
    // cold assess() from over a thousand phrases, most of them one word (issue 14 item 1).
    const first = key.indexOf(' ');
    if (first >= 0) {
      let words = 2;
      for (let at = key.indexOf(' ', first + 1); at >= 0; at = key.indexOf(' ', at + 1)) words++;
      if (words > this.maxWords) this.maxWords = words;
      this.starts.add(key.slice(0, first));
    }
    const list = this.map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else this.map.set(key, [value]);
  }

  /** Every phrase found in `tokens`, longest first at each position; shorter phrases inside a longer hit are skipped. */
  find(tokens: readonly string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let advanced = 1;
      const maxLen = this.starts.has(tokens[i] as string) ? Math.min(this.maxWords, tokens.length - i) : 1;
      for (let len = maxLen; len >= 1; len--) {
        const key = len === 1 ? (tokens[i] as string) : tokens.slice(i, i + len).join(' ');
        const values = this.map.get(key);
        if (values) {
          for (const value of values) hits.push({ value, phrase: key, at: i });
          advanced = len;
          break;
        }
      }
      i += advanced;
    }
    return hits;
  }
}
