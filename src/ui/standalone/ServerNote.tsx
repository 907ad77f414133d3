/** What a server supports, from the same evaluation as `npm run check-server`, as a short note. */
import type { ServerReport } from '../../core/server/types.ts';

const VERDICT_TEXT: Record<ServerReport['verdict'], string> = {
  full: 'Everything works here: reading the chart and writing the order.',
  'read-only': 'Read-only here: the assessment works, the order cannot be written.',
  'reported-only order': 'The order can only be recorded as a reported medication here.',
  'not usable': 'The app cannot be used with this server.',
};

/** Lists the verdict, its reason and every item that is not ok. */
export function ServerNote({ report }: { report: ServerReport }) {
  // Expected absences are not news: no open read (nor the open identifier probe) on a SMART server, no SMART
  // discovery on an open one.
  const expected = (id: string) => (report.smart && (id === 'open-read' || id === 'identifier-search')) || (!report.smart && report.openRead && isSmartItem(id));
  const gaps = report.items.filter((i) => i.status !== 'ok' && !expected(i.id));
  return (
    <div class="standalone-note" data-verdict={report.verdict}>
      <p>
        <strong>{VERDICT_TEXT[report.verdict]}</strong> ({report.verdictReason})
      </p>
      {gaps.length > 0 && (
        <ul>
          {gaps.map((i) => (
            <li key={i.id}>
              {i.label}: {i.status}, {i.reason}
            </li>
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
