/**
 * "Report a wrong finding" (issue 11 item 6): a prefilled message to the address the deployment configures in the
 * app page (<meta name="ldn-report-finding" content="mailto:... or https://...">, editable in the built
 * index.html without a rebuild). The message carries the finding's rule id and the chart entry's id, never a
 * name, a date or any other patient detail. No address configured: no link.
 */
import { referenceOf } from '../core/fhir/references.ts';

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The configured target, when it is a mailto: address or an https URL. */
export function reportTarget(
  doc: Pick<Document, 'querySelector'> | undefined = typeof document === 'undefined' ? undefined : document,
): string | undefined {
  const content = doc?.querySelector<HTMLMetaElement>('meta[name="ldn-report-finding"]')?.content?.trim();
  if (!content || content.length > 300) return undefined;
  return /^mailto:[^\s?#]+@[^\s?#]+$/i.test(content) || /^https:\/\/[^\s]+$/i.test(content) ? content : undefined;
}

/** The link for one finding: rule id and chart entry reference only (each checked against its shape). */
export function reportHref(target: string, ruleId: string, entryRef: string | undefined): string {
  const rule = RULE_ID.test(ruleId) ? ruleId : 'unknown-rule';
  const named = referenceOf(entryRef, 'relative');
  const entry = named ? `${named.type}/${named.id}` : 'not given';
  if (target.toLowerCase().startsWith('mailto:')) {
    const subject = 'Low-dose naltrexone check: a finding looks wrong';
    const body = `Rule: ${rule}\nChart entry: ${entry}\n\nWhat looks wrong (please add no patient names or details):\n`;
    return `${target}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  }
  const url = new URL(target);
  url.searchParams.set('rule', rule);
  url.searchParams.set('entry', entry);
  return url.toString();
}
