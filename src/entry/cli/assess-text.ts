/**
 * The `assess --text` report (issue 9 item 5): verdict and summary; each indication with its evidence; each
 * finding with its severity, the record(s) behind it, why, the window and the sources it cites; what could not be
 * read; and the kinds of data that were not part of the chart given ("allergies not checked"), never silence.
 * Dates in the one clinical format (clinicalDate: "7 Dec 2026").
 */
import type { Assessment, Conflict, Source } from '../../core/assess/types.ts';
import { clinicalDate } from '../../core/fhir/dates.ts';
import { describeProblem } from './strings.ts';

function sourceLine(s: Source): string {
  const id =
    s.id && !s.label.includes(s.id) ? ` [${s.kind === 'pmid' ? 'PMID ' : s.kind === 'doi' ? 'DOI ' : ''}${s.id}]` : '';
  return `${s.label}${id}${s.url ? ` ${s.url}` : ''}${s.verified ? '' : ' (UNVERIFIED)'}`;
}

function findingLines(c: Conflict): string[] {
  const records = c.entries ?? [c.entry];
  const lines = [
    `  - [${c.severity}] ${c.title}: "${c.entry.name}" (${c.entry.reference ?? c.entry.resourceType}${c.entry.status ? `, ${c.entry.status}` : ''}; ${c.matched.by} ${c.matched.term})${c.needsOverride ? ' - needs an override reason to sign' : ''}`,
    `      why: ${c.why}`,
  ];
  if (records.length > 1)
    lines.push(`      records (${records.length}): ${records.map((e) => e.reference ?? e.name).join(', ')}`);
  if (c.washout)
    lines.push(
      `      last use ${clinicalDate(c.washout.lastUse)} (${c.washout.lastUseBasis}); opioid-free from ${clinicalDate(c.washout.endsOn)} (${c.washout.days} days: ${c.washout.rationale})`,
    );
  for (const s of c.sources) lines.push(`      source: ${sourceLine(s)}`);
  return lines;
}

/** Conditions named per indication in the text report; the JSON lists them all. */
const CONDITIONS_SHOWN = 10;

/** The human-readable report printed by `npm run assess -- FILE --text`. */
export function textReport(a: Assessment): string {
  const lines = [`Verdict: ${a.verdict}${a.complete ? '' : ` (if complete: ${a.verdictIfComplete})`}`, a.summary];
  if (a.opioidFreeFrom) lines.push(`Opioid-free windows: LDN not before ${clinicalDate(a.opioidFreeFrom)}`);
  if (a.candidacy.length) {
    lines.push('Candidacy:');
    for (const c of a.candidacy) {
      lines.push(
        `  - ${c.indication} [${c.evidenceLevel}] from "${c.condition.name}" (${c.matched.by} ${c.matched.code ?? c.matched.term})${c.supportsCandidacy === false ? ' - listed, not enough on its own' : ''}`,
      );
      const behind = c.conditions ?? [];
      if (behind.length > 1) {
        const shown = behind
          .slice(0, CONDITIONS_SHOWN)
          .map((e) => e.reference ?? e.name)
          .join(', ');
        lines.push(
          `      conditions (${behind.length}): ${shown}${behind.length > CONDITIONS_SHOWN ? `, and ${behind.length - CONDITIONS_SHOWN} more` : ''}`,
        );
      }
      lines.push(`      evidence: ${c.evidence}`);
      for (const s of c.sources) lines.push(`      source: ${sourceLine(s)}`);
    }
  }
  if (a.conflicts.length) {
    lines.push('Findings:');
    for (const c of a.conflicts) lines.push(...findingLines(c));
  }
  if (a.gaps.length) {
    lines.push('Not read:');
    for (const g of a.gaps) lines.push(`  - ${g.resourceType} ${g.reason}: ${describeProblem(g)}`);
  }
  if (a.notChecked?.length) {
    lines.push('Not part of the chart given (not checked, not "none found"):');
    for (const k of a.notChecked) lines.push(`  - ${k} not checked`);
  } else if (a.notChecked === undefined) {
    lines.push('Kinds of data read: unknown (the input does not say which searches it holds).');
  }
  return lines.join('\n');
}
