/**
 * Tokenising free text once per string: lower case, "'s" dropped (Crohn's -> crohn), split on anything that is not
 * a letter or digit. Whole-word matching on these tokens is what keeps methylnaltrexone apart from naltrexone and
 * apomorphine apart from morphine (style.md anti-pattern 5: classify by ingredient, never by substring).
 */

/** Lower-case word tokens of `text`. Tall-man lettering (oxyCODONE) and any case fold to one form. */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  const s = text.toLowerCase();
  // Each token is one slice of `s` (not built a character at a time: that made a string per character).
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    // Possessive: "crohn's" -> "crohn" (the "'s" ends the word and is dropped).
    if ((c === 39 || c === 0x2019) && s[i + 1] === 's' && !isLetter(s.charCodeAt(i + 2))) i += 1;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** A phrase ("MS Contin", "multiple sclerosis") as the key the phrase index uses. */
export function phraseKey(phrase: string): string {
  return tokenise(phrase).join(' ');
}
