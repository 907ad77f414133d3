/**
 * A rule's sources: links where a URL exists, the rest as text; unverified ones say so in words. Only public
 * citations are shown (label, PMID, DOI, trial id, URL): a note naming one of the project's internal research
 * files is cut from the label (issue 11 item 6).
 */
import type { Source } from '../../core/assess/types.ts';
import { S } from '../strings.ts';

/** Only web links are rendered as links; anything else (javascript:, data:) stays text. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Internal research files the labels must not cite on screen (the public source is the citation). */
const INTERNAL_FILE = /[\w-]+\.md\b/i;

/** The label without any parenthesised note naming an internal file; a label that is only such a note says so. */
export function publicLabel(label: string): string {
  if (!INTERNAL_FILE.test(label)) return label;
  const cut = label.replace(/\s*\([^()]*\.md\b[^()]*\)/gi, '').trim();
  return INTERNAL_FILE.test(cut) || !cut ? 'Project research summary (no public source named)' : cut;
}

export function SourceList({ sources }: { sources: Source[] }) {
  if (!sources.length) return null;
  return (
    <ul class="sources">
      {sources.map((s, i) => {
        const url = safeUrl(s.url);
        const label = publicLabel(s.label);
        const text = s.id && !label.includes(s.id) ? `${label} (${s.id})` : label;
        return (
          <li key={i}>
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {text}
              </a>
            ) : (
              text
            )}
            {!s.verified && <span class="tag tag--unverified"> {S.unverified}</span>}
          </li>
        );
      })}
    </ul>
  );
}
