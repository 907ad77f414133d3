/**
 * The sandbox's open FHIR base (no authorization) for the browser tests: what the server holds after the app
 * wrote, and the clean-up after a test that wrote. One copy for every write-path test file.
 */
import type { Bundle, Resource } from 'fhir/r4';
import { expect } from 'vitest';
import { sandboxOrigin } from './browser.ts';

/** A request to `<sandbox>/open/fhir/<path>`, its status and parsed body (undefined when empty). */
export async function openFhir<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sandboxOrigin()}/open/fhir/${path}`, {
    ...init,
    headers: { accept: 'application/fhir+json', 'content-type': 'application/fhir+json', ...init?.headers },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The resources a search returns (its first page), failing the test unless the search answers 200. */
export async function searchOpen<T extends Resource>(path: string): Promise<T[]> {
  const { status, body } = await openFhir<Bundle<T>>(path);
  expect(status).toBe(200);
  return (body.entry ?? []).map((e) => e.resource as T).filter(Boolean);
}

/** Deletes what a test wrote (references like "MedicationRequest/12"), so the synthetic charts stay as they were. */
export async function deleteWritten(written: string[]): Promise<void> {
  for (const ref of written.splice(0)) expect([200, 204]).toContain((await openFhir(ref, { method: 'DELETE' })).status);
}
