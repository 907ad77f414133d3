/**
 * What a server supports, from the same evaluation as `npm run check-server`, as a short note.
 *
 * Not declared is not refused (issue 12 item 3): a CapabilityStatement that does not list a create interaction
 * says nothing about whether the server accepts it (many accept DetectedIssue without declaring it), and the app
 * writes according to the granted scopes, falling back to the printable order if the server refuses. So a
 * "read-only" verdict that rests only on undeclared creates is worded as "not declared", and only a create the
 * server actually refused is called refused.
 */
import type { CheckItem, ServerReport } from '../../core/server/types.ts';
import { T } from '../strings-standalone.ts';

const isCreate = (i: CheckItem) => i.id.startsWith('create-');

/** How one item reads: an undeclared create says it may still work; a refused one says refused. */
function itemText(i: CheckItem): string {
  if (isCreate(i) && i.status === 'missing') return T.itemNotDeclared(i.label);
  if (isCreate(i) && i.status === 'fails') return T.itemRefused(i.label, i.reason);
  return T.item(i.label, i.status, i.reason);
}

/** Lists the verdict, its reason and every item that is not ok. */
export function ServerNote({ report }: { report: ServerReport }) {
  const creates = report.items.filter(isCreate);
  const onlyUndeclared =
    report.verdict === 'read-only' &&
    creates.some((i) => i.status === 'missing') &&
    !creates.some((i) => i.status === 'fails');
  // Expected absences are not news: no open read (nor the open identifier probe) on a SMART server, no SMART
  // discovery on an open one.
  const expected = (id: string) =>
    (report.smart && (id === 'open-read' || id === 'identifier-search')) ||
    (!report.smart && report.openRead && isSmartItem(id));
  const gaps = report.items.filter((i) => i.status !== 'ok' && !expected(i.id));
  return (
    <div class="standalone-note" data-verdict={report.verdict}>
      {onlyUndeclared ? (
        <p>
          <strong>{T.undeclaredWrite}</strong>
        </p>
      ) : (
        <p>
          <strong>{T.verdict[report.verdict]}</strong> ({report.verdictReason})
        </p>
      )}
      {gaps.length > 0 && (
        <ul>
          {gaps.map((i) => (
            <li key={i.id}>{itemText(i)}</li>
          ))}
        </ul>
      )}
      {report.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

/** On an open server the SMART items are expected to be missing: not worth listing. */
function isSmartItem(id: string): boolean {
  return ['smart-discovery', 'launch-ehr', 'launch-standalone', 'pkce-s256', 'scope-versions'].includes(id);
}
