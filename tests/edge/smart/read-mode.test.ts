/**
 * The per-issuer `reads` setting (issue 14 item 1): validated in the allow-list, carried by the launch plan, and
 * handed from the launch page to the app page in sessionStorage, for that server only.
 */
import { describe, expect, it } from 'vitest';
import { parseAllowList } from '../../../src/core/smart/allow-list.ts';
import { planLaunch } from '../../../src/edge/smart/launch-plan.ts';
import { capabilitiesFor, READ_MODE_KEY, rememberReadMode } from '../../../src/edge/smart/read-mode.ts';
import type { KeyValueStore } from '../../../src/edge/smart/scope-retry.ts';
import { allowList, EXACT } from './allow-list-fixtures.ts';
import { memoryStore } from '../../support/memory-store.ts';

const plan = (entry: Record<string, unknown>) =>
  planLaunch({
    request: { kind: 'ehr', iss: EXACT.iss, launch: 'abc' },
    list: allowList({ clients: [entry] }),
    appRootUrl: 'https://app.example.org/ldn/',
    stateKey: 'state-1',
  });

describe('the reads setting', () => {
  it('accepts "batch" and "parallel" and refuses anything else, naming the field', () => {
    expect(allowList({ clients: [{ ...EXACT, reads: 'batch' }] }).clients[0]!.reads).toBe('batch');
    expect(allowList({ clients: [{ ...EXACT, reads: 'parallel' }] }).clients[0]!.reads).toBe('parallel');
    const bad = parseAllowList({ clients: [{ ...EXACT, reads: 'fast' }] }, 'smart-clients.json');
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('clients[0].reads');
  });

  it('is in the launch plan only for an entry that says batch', () => {
    const batch = plan({ ...EXACT, reads: 'batch' });
    const parallel = plan({ ...EXACT, reads: 'parallel' });
    const unset = plan(EXACT);
    expect(batch.action === 'authorize' && batch.batchReads).toBe(true);
    expect(parallel.action === 'authorize' && parallel.batchReads).toBeUndefined();
    expect(unset.action === 'authorize' && unset.batchReads).toBeUndefined();
  });
});

describe('handing the setting to the app page', () => {
  it('gives batch reads for the same server (trailing slash ignored), nothing for another one', () => {
    const store = memoryStore();
    rememberReadMode(store, 'https://ehr.example.org/fhir/r4', true);
    expect(capabilitiesFor(store, 'https://ehr.example.org/fhir/r4/')).toEqual({ batchReads: true });
    expect(capabilitiesFor(store, 'https://other.example.org/fhir/r4')).toEqual({});
    expect(store.map.get(READ_MODE_KEY)).not.toMatch(/token|patient/i);
  });

  it('forgets it when the next launch is with an entry without the setting', () => {
    const store = memoryStore();
    rememberReadMode(store, 'https://ehr.example.org/fhir/r4', true);
    rememberReadMode(store, 'https://ehr.example.org/fhir/r4', false);
    expect(store.map.has(READ_MODE_KEY)).toBe(false);
    expect(capabilitiesFor(store, 'https://ehr.example.org/fhir/r4')).toEqual({});
  });

  it('assumes nothing from a damaged record or a storage that throws', () => {
    const store = memoryStore();
    store.map.set(READ_MODE_KEY, '{not json');
    expect(capabilitiesFor(store, 'https://ehr.example.org/fhir/r4')).toEqual({});
    store.map.set(READ_MODE_KEY, JSON.stringify({ serverUrl: 'https://ehr.example.org/fhir/r4', batchReads: 'yes' }));
    expect(capabilitiesFor(store, 'https://ehr.example.org/fhir/r4')).toEqual({});
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(() => rememberReadMode(blocked, 'https://ehr.example.org/fhir/r4', true)).not.toThrow();
    expect(capabilitiesFor(blocked, 'https://ehr.example.org/fhir/r4')).toEqual({});
  });
});
