/**
 * A rule's sources: links where a URL exists, the rest as text; unverified ones say so in words.
 */
import type { Source } from '../../core/assess/types.ts';
import { S } from '../strings.ts';

/** Only web links are rendered as links; anything else (javascript:, data:) stays text. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

export function SourceList({ sources }: { sources: Source[] }) {
  if (!sources.length) return null;
  return (
    <ul class="sources">
      {sources.map((s, i) => {
        const url = safeUrl(s.url);
        const text = s.id && !s.label.includes(s.id) ? `${s.label} (${s.id})` : s.label;
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
