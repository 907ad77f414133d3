/**
 * The plan draft that survives a reload: planner fields, overrides, the acknowledgement, the answer about an
 * existing LDN order, and the draft's nonce (the order identifier is derived from the content and this nonce:
 * src/core/order/order-identity.ts).
 * Kept in sessionStorage (this tab only, gone when it closes), keyed per server and patient, cleared after a
 * successful write. Never localStorage: patient data must not outlive the session.
 */
import type { ExistingOrderChoice } from '../../core/order/sign-gate.ts';
import type { PlanFields } from './plan-fields.ts';

export interface OverrideDraft {
  checked: boolean;
  reason: string;
}

export interface PlanDraft {
  version: 1;
  /** The planner's fields; undefined until the planner is first edited (its defaults depend on today). */
  fields?: PlanFields;
  /** Keyed by {@link overrideKey}. */
  overrides: Record<string, OverrideDraft>;
  /**
   * Random, made once per draft: part of the order's identity, so the same plan is the same order on every retry
   * and after a reload, and a new draft (after a successful write) is a new order.
   */
  nonce?: string;
  /** Signing on an incomplete read: the ticked acknowledgement and the reason. */
  acknowledgement?: OverrideDraft;
  /** The answer about the LDN order already in the chart, and which order it concerns. */
  existing?: { choice: ExistingOrderChoice; reference: string };
  /** Identifier values of versions of this draft already sent (an edit after a lost answer makes a new one). */
  sent?: string[];
}

/** The storage key for one patient on one server. */
export function draftKey(serverUrl: string, patientId: string): string {
  return `ldn-plan-draft:${serverUrl}|${patientId}`;
}

/** The saved draft, or undefined when there is none or it cannot be read. */
export function loadDraft(storage: Storage | undefined, key: string): PlanDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<PlanDraft>;
    if (parsed.version !== 1) return undefined;
    if (parsed.fields !== undefined && (typeof parsed.fields !== 'object' || parsed.fields === null)) return undefined;
    return { ...parsed, overrides: parsed.overrides ?? {} } as PlanDraft;
  } catch {
    return undefined; // a corrupt or inaccessible draft is simply not restored
  }
}

export function saveDraft(storage: Storage | undefined, key: string, draft: PlanDraft): void {
  try {
    storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked (e.g. third-party iframe rules): the plan still works, it just won't survive a reload.
  }
}

export function clearDraft(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** sessionStorage when the browser lets the frame use it. */
export function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
