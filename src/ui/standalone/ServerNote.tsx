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

const VERDICT_TEXT: Record<ServerReport['verdict'], string> = {
  full: 'Everything works here: reading the chart and writing the order.',
  'read-only':
    'Read-only here: the server refuses writing the order; the assessment works, and the app offers the printable order and its FHIR JSON.',
  'reported-only order': 'The order can only be recorded as a reported medication here.',
  'not usable': 'The app cannot be used with this server.',
};

/** The verdict line for a "read-only" verdict whose creates are merely not declared (none refused). */
export const UNDECLARED_WRITE_TEXT =
  'Writing is not declared here (it may still work): the assessment works, and the app will try to write the order and fall back to the printable order and its FHIR JSON if the server refuses.';

const isCreate = (i: CheckItem) => i.id.startsWith('create-');

/** How one item reads: an undeclared create says it may still work; a refused one says refused. */
function itemText(i: CheckItem): string {
  if (isCreate(i) && i.status === 'missing')
    return `${i.label}: not declared (may still work; the app will try and fall back)`;
  if (isCreate(i) && i.status === 'fails') return `${i.label}: refused, ${i.reason}`;
  return `${i.label}: ${i.status}, ${i.reason}`;
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
          <strong>{UNDECLARED_WRITE_TEXT}</strong>
        </p>
      ) : (
        <p>
          <strong>{VERDICT_TEXT[report.verdict]}</strong> ({report.verdictReason})
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
