/**
 * An overridden conflict as a DetectedIssue (ldn-clinical.md section 7): status final, a v3-ActCode alert code,
 * severity, the implicated chart entry, the detail with its sources, and the prescriber's reason as mitigation.
 */
import type { Coding, DetectedIssue } from 'fhir/r4';
import type { Conflict } from '../assess/types.ts';
import { ISSUE_CODES, ISSUE_SEVERITY, THERAPY_APPROPRIATE } from './codes.ts';
import type { IncompleteAcknowledgement, OrderOverride } from './input.ts';
import { DETECTED_ISSUE_IDENTIFIER_SYSTEM } from './input.ts';

/** Rules about a second naltrexone or another antagonist are duplicate therapy (knowledge/rules.ts ids). */
const DUPLICATE_RULES = new Set(['naltrexone-duplicate', 'contrave', 'samidorphan']);

/** DUPTHPY for duplicate antagonists, COND for a charted condition, DRG (drug interaction) otherwise. */
export function issueCode(conflict: Conflict): Coding {
  if (DUPLICATE_RULES.has(conflict.ruleId)) return ISSUE_CODES.duplicateTherapy;
  if (conflict.entry.resourceType === 'Condition') return ISSUE_CODES.condition;
  return ISSUE_CODES.drugInteraction;
}

/** The detail: what, why, the washout when there is one, and the sources (UNVERIFIED ones marked). */
export function issueDetail(conflict: Conflict): string {
  const parts = [`${conflict.title}: ${conflict.entry.name}.`, conflict.why];
  const w = conflict.washout;
  if (w)
    parts.push(
      `Last use ${w.lastUse} (${w.lastUseBasis}); ${w.days}-day opioid-free window ends ${w.endsOn}. ${w.rationale}`,
    );
  if (conflict.sources.length > 0) {
    parts.push(
      `Sources: ${conflict.sources.map((s) => `${s.label}${s.id ? ` (${s.id})` : ''}${s.verified ? '' : ' [UNVERIFIED]'}`).join('; ')}.`,
    );
  }
  return parts.join(' ');
}

export interface IssueContext {
  id: string;
  patient: string;
  now: string;
  requester?: string;
}

export function detectedIssueFor(override: OrderOverride, ctx: IssueContext): DetectedIssue {
  const { conflict } = override;
  const author = override.author ?? ctx.requester;
  const entry = conflict.entry;
  const url = conflict.sources.find((s) => s.url)?.url;
  return {
    resourceType: 'DetectedIssue',
    identifier: [{ system: DETECTED_ISSUE_IDENTIFIER_SYSTEM, value: ctx.id }],
    status: 'final',
    code: { coding: [issueCode(conflict)], text: conflict.title },
    severity: ISSUE_SEVERITY[conflict.severity],
    patient: { reference: ctx.patient },
    identifiedDateTime: ctx.now,
    // Every record of the drug course the finding covers (Conflict.entries), so one override covers the course.
    implicated: (conflict.entries?.length ? conflict.entries : [entry]).map((e) =>
      e.reference ? { reference: e.reference, display: e.name } : { display: e.name },
    ),
    detail: issueDetail(conflict),
    ...(url ? { reference: url } : {}),
    mitigation: [
      {
        action: {
          coding: [THERAPY_APPROPRIATE],
          text: `Prescriber overrode the alert and ordered low-dose naltrexone. Reason: ${override.reason.trim()}`,
        },
        date: ctx.now,
        ...(author ? { author: { reference: author } } : {}),
      },
    ],
  };
}

/** The title of the acknowledgement DetectedIssue and note (issue 10 item 2). */
export const ACKNOWLEDGEMENT_TITLE = 'Signed on an incomplete chart read';

/** The acknowledgement as one sentence: what was not read, and the clinician's reason. */
export function acknowledgementText(ack: IncompleteAcknowledgement): string {
  const notRead = ack.notRead.length ? ` Not read: ${ack.notRead.join('; ')}.` : '';
  return `${ACKNOWLEDGEMENT_TITLE}: the prescriber acknowledged that the conflict check did not cover the whole chart.${notRead} Reason: ${ack.reason.trim()}`;
}

/** Signing on an incomplete read, recorded as a DetectedIssue: the check itself could not be completed. */
export function acknowledgementIssue(ack: IncompleteAcknowledgement, ctx: IssueContext): DetectedIssue {
  const author = ack.author ?? ctx.requester;
  return {
    resourceType: 'DetectedIssue',
    identifier: [{ system: DETECTED_ISSUE_IDENTIFIER_SYSTEM, value: ctx.id }],
    status: 'final',
    code: { text: ACKNOWLEDGEMENT_TITLE },
    severity: 'moderate',
    patient: { reference: ctx.patient },
    identifiedDateTime: ctx.now,
    detail: acknowledgementText(ack),
    mitigation: [
      {
        action: {
          coding: [THERAPY_APPROPRIATE],
          text: `Prescriber signed without a complete conflict check. Reason: ${ack.reason.trim()}`,
        },
        date: ctx.now,
        ...(author ? { author: { reference: author } } : {}),
      },
    ],
  };
}
