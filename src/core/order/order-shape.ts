/**
 * Small, pure adjustments the order writer makes to the MedicationRequest just before sending it: the server's
 * references in place of the `urn:uuid:` placeholders, overrides folded into the note when they cannot be
 * DetectedIssues, and the client identifier that makes the create repeatable.
 */
import type { Annotation, DetectedIssue, Identifier, MedicationRequest, Reference } from 'fhir/r4';

/**
 * Replaces `urn:uuid:<value>` placeholders in `detectedIssue` by the created references; drops placeholders with no
 * created resource (the server cannot resolve them; such overrides are folded into the note instead).
 */
export function withIssueReferences(mr: MedicationRequest, created: ReadonlyMap<string, string>): MedicationRequest {
  if (!mr.detectedIssue) return mr;
  const refs: Reference[] = [];
  for (const ref of mr.detectedIssue) {
    const placeholder = ref.reference;
    if (placeholder?.startsWith('urn:uuid:')) {
      const real = created.get(placeholder);
      if (real) refs.push({ ...ref, reference: real });
    } else refs.push(ref);
  }
  const { detectedIssue: _dropped, ...rest } = mr;
  return refs.length > 0 ? { ...rest, detectedIssue: refs } : rest;
}

/** Appends one note per folded override: what was overridden, how severe, and the clinician's reason. */
export function foldIssuesIntoNote(mr: MedicationRequest, folded: readonly DetectedIssue[]): MedicationRequest {
  if (folded.length === 0) return mr;
  const notes: Annotation[] = folded.map((di) => ({ text: overrideText(di) }));
  return { ...mr, note: [...(mr.note ?? []), ...notes] };
}

/** "Overridden conflict (high): <what>. Reason given: <mitigation>." from a DetectedIssue. */
export function overrideText(di: DetectedIssue): string {
  const what = di.detail ?? di.code?.text ?? di.code?.coding?.[0]?.display ?? 'a conflict found by the LDN check';
  const reasons = (di.mitigation ?? [])
    .map((m) => m.action?.text ?? m.action?.coding?.[0]?.display)
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const implicated = (di.implicated ?? []).map((r) => r.display ?? r.reference).filter((t): t is string => !!t);
  return [
    `Overridden conflict${di.severity ? ` (${di.severity})` : ''}: ${what}.`,
    implicated.length ? `Concerns: ${implicated.join(', ')}.` : '',
    reasons.length ? `Reason given: ${reasons.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Ensures the order carries the client identifier, so the search before a retry can find it. */
export function withIdentifier(
  mr: MedicationRequest,
  id: Identifier & { system: string; value: string },
): MedicationRequest {
  const has = (mr.identifier ?? []).some((i) => i.system === id.system && i.value === id.value);
  return has ? mr : { ...mr, identifier: [...(mr.identifier ?? []), { system: id.system, value: id.value }] };
}
