/**
 * Per-concept memo for the matchers: a CodeableConcept's reading depends only on its text and on each coding's
 * system, code and display (in order), so a long chart that repeats the same medication or diagnosis thousands of
 * times reads each distinct concept once (issue 14 item 1: the first, cold assess() of a 10,000-record chart).
 *
 * The memo is a trie keyed by those values themselves (text, then system, code, display per coding), so a lookup
 * builds no key string. Only primitive values are keys (compared by value); a concept with an object where a string
 * belongs, a coding that is not an object, or a very long value is read directly, never memoised.
 */
import { isRecord } from '../fhir/read.ts';

/** One trie node; `done` once the concept ending here has been read. */
export interface MemoSlot<T> {
  done: boolean;
  value: T | undefined;
  next: Map<unknown, MemoSlot<T>> | undefined;
}

/**
 * A node with every field present from the start, in one order: nodes that gained `next` or `value` later had
 * different hidden classes, so the lookup below saw several shapes and was deoptimised and compiled again (cold).
 */
const newSlot = <T>(): MemoSlot<T> => ({ done: false, value: undefined, next: undefined });

/** The coding fields a reading depends on, in key order. */
const CODING_KEYS: readonly string[] = ['system', 'code', 'display'];

/** Longest string worth a memo key: hostile or pasted texts are read directly and not kept. */
const MAX_KEY_LENGTH = 1000;

const keyable = (v: unknown): boolean =>
  typeof v === 'string'
    ? v.length <= MAX_KEY_LENGTH
    : v === undefined || v === null || typeof v === 'number' || typeof v === 'boolean';

/** A bounded memo of concept readings: emptied when it holds `limit` nodes, like the matchers' other memos. */
export class ConceptMemo<T> {
  private root: MemoSlot<T> = newSlot();
  private size = 0;

  constructor(private readonly limit: number) {}

  /** The slot of this concept's reading, or undefined when the concept must be read directly. */
  slot(concept: unknown): MemoSlot<T> | undefined {
    if (!isRecord(concept)) return undefined;
    const text = concept.text;
    if (!keyable(text)) return undefined;
    if (this.size >= this.limit) {
      this.root = newSlot();
      this.size = 0;
    }
    let node = this.child(this.root, text);
    const codings = concept.coding;
    // The readers treat a `coding` that is not an array as no codings, so it reads like a concept without any.
    if (!Array.isArray(codings)) return node;
    for (let i = 0; i < codings.length; i++) {
      const c: unknown = codings[i];
      if (!isRecord(c)) return undefined;
      // One keyed read for the three keys (system, code, display): it sees several names, so it is compiled as a
      // generic lookup that takes codings of any shape, where named reads were compiled for the shapes seen so far
      // and thrown away at the first coding of another ({system, code} after {system, code, display}).
      for (let k = 0; k < 3; k++) {
        const v = c[CODING_KEYS[k] as string];
        if (!keyable(v)) return undefined;
        node = this.child(node, v);
      }
    }
    return node;
  }

  private child(node: MemoSlot<T>, key: unknown): MemoSlot<T> {
    let next = node.next;
    if (next === undefined) node.next = next = new Map();
    let c = next.get(key);
    if (c === undefined) {
      c = newSlot<T>();
      next.set(key, c);
      this.size++;
    }
    return c;
  }
}

/**
 * Runs the lookup on a few distinct concepts at load, so a memo miss has been seen once its feedback is recorded:
 * a chart that opens with repeated concepts (all hits) otherwise has the lookup compiled without its miss path,
 * thrown away at the first new concept and compiled again, cold (issue 14 item 1). The memo is then dropped.
 */
function warmLookup(): void {
  const memo = new ConceptMemo<true>(1000);
  for (let i = 0; i < 24; i++)
    memo.slot({ text: undefined, coding: [{ system: 'warm', code: String(i), display: undefined }] });
}
warmLookup();
