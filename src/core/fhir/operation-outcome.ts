/**
 * Reading an OperationOutcome a server sends with an error, so the user sees the server's own words
 * (FHIR R4 http.html: servers SHOULD return an OperationOutcome with 4xx/5xx).
 */
import type { OperationOutcome } from 'fhir/r4';

/** True when `body` looks like an OperationOutcome. */
export function isOperationOutcome(body: unknown): body is OperationOutcome {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { resourceType?: unknown }).resourceType === 'OperationOutcome'
  );
}

/**
 * The human-readable text of an OperationOutcome: each issue's details.text, else diagnostics, else its code,
 * joined with "; ". Undefined when `body` is not an OperationOutcome or says nothing.
 */
export function outcomeText(body: unknown, maxLength = 500): string | undefined {
  if (!isOperationOutcome(body) || !Array.isArray(body.issue)) return undefined;
  const parts = body.issue
    .map((issue) => {
      if (typeof issue !== 'object' || issue === null) return undefined;
      const text = issue.details?.text ?? issue.diagnostics ?? issue.code;
      return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
    })
    .filter((t): t is string => t !== undefined);
  if (parts.length === 0) return undefined;
  const joined = parts.join('; ');
  return joined.length > maxLength ? `${joined.slice(0, maxLength - 1)}…` : joined;
}

/**
 * Only the issue codes (e.g. "not-supported, forbidden"): safe to show in a read gap, which must not carry
 * free text that might include patient data.
 */
export function outcomeCodes(body: unknown): string | undefined {
  if (!isOperationOutcome(body) || !Array.isArray(body.issue)) return undefined;
  const codes = [
    ...new Set(
      body.issue.map((i) => (typeof i?.code === 'string' ? i.code : undefined)).filter((c): c is string => !!c),
    ),
  ];
  return codes.length ? codes.join(', ') : undefined;
}
