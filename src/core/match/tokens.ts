/**
 * Tokenising free text once per string: lower case, "'s" dropped (Crohn's -> crohn), split on anything that is not
 * a letter or digit. Whole-word matching on these tokens is what keeps methylnaltrexone apart from naltrexone and
 * apomorphine apart from morphine (style.md anti-pattern 5: classify by ingredient, never by substring).
 */

/** An apostrophe followed by "s" that ends a word: the possessive "'s" (Crohn's -> crohn). */
const POSSESSIVE = /['\u2019]s(?![a-z0-9])/g;
/** A token: a run of lower-case ASCII letters and digits (anything else separates). */
const WORD = /[a-z0-9]+/g;

/**
 * Lower-case word tokens of `text`. Tall-man lettering (oxyCODONE) and any case fold to one form. Two regular
 * expression passes (the possessive "s" dropped, then the runs of letters and digits), not a loop over the
 * characters: every distinct medication or diagnosis text of a long chart is tokenised once, mostly in cold code,
 * where the engine's compiled expressions are much faster than an interpreted loop (issue 14 item 1).
 */
export function tokenise(text: string): string[] {
  const s = text.toLowerCase();
  const words = s.includes("'") || s.includes('\u2019') ? s.replace(POSSESSIVE, "'") : s;
  return words.match(WORD) ?? [];
}

/** A phrase ("MS Contin", "multiple sclerosis") as the key the phrase index uses. */
export function phraseKey(phrase: string): string {
  return tokenise(phrase).join(' ');
}
