/**
 * The plan draft that survives a reload: planner fields, overrides and the client-generated identifiers.
 * Kept in sessionStorage (this tab only, gone when it closes), keyed per server and patient, cleared after a
 * successful write. Never localStorage: patient data must not outlive the session.
 */
import type { PlanFields } from './plan-fields.ts';

export interface OverrideDraft {
  checked: boolean;
  reason: string;
}

export interface PlanDraft {
  version: 1;
  fields: PlanFields;
  /** Keyed by {@link overrideKey}. */
  overrides: Record<string, OverrideDraft>;
  /** The order's client-generated identifier, once generated: the same value on every retry and after a reload. */
  orderId?: string;
  /** One client-generated identifier per overridden conflict, keyed by {@link overrideKey}. */
  issueIds?: Record<string, string>;
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
    if (parsed.version !== 1 || typeof parsed.fields !== 'object' || parsed.fields === null) return undefined;
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
