/** The override policy: the rule's needsOverride decides, severity is the fallback; one key per course. */
import { describe, expect, it } from 'vitest';
import {
  conflictsNeedingOverride,
  needsOverride,
  overrideKey,
  overridesComplete,
} from '../../../src/core/order/override-policy.ts';
import { conflict } from './order-fixtures.ts';

describe('override policy', () => {
  it('follows the rule metadata when set, severity otherwise', () => {
    expect(needsOverride(conflict({ severity: 'major' }))).toBe(true);
    expect(needsOverride(conflict({ severity: 'contraindicated' }))).toBe(true);
    expect(needsOverride(conflict({ severity: 'caution' }))).toBe(false);
    expect(needsOverride({ ...conflict({ severity: 'caution' }), needsOverride: true })).toBe(true);
    expect(needsOverride({ ...conflict({ severity: 'major' }), needsOverride: false })).toBe(false);
  });

  it('keeps one override per course, whatever its entries', () => {
    const course = {
      ...conflict(),
      entries: [
        conflict().entry,
        { resourceType: 'MedicationDispense', reference: 'MedicationDispense/d1', name: 'oxycodone' },
      ],
    };
    const needed = conflictsNeedingOverride({
      conflicts: [course, conflict(), conflict({ severity: 'caution', reference: 'MedicationRequest/x' })],
    });
    expect(needed).toHaveLength(1);
    expect(overridesComplete(needed, {})).toBe(false);
    expect(overridesComplete(needed, { [overrideKey(course)]: { checked: true, reason: ' ' } })).toBe(false);
    expect(overridesComplete(needed, { [overrideKey(course)]: { checked: true, reason: 'counselled' } })).toBe(true);
  });
});
