/**
 * @vitest-environment happy-dom
 */
/** The candidacy card of an indication with many charted conditions: one card, the rest counted and bounded. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { concept, condition, icd10 } from '../../fixtures/factories.ts';
import { assess } from '../../src/core/assess/assess.ts';
import { emptyChart } from '../../src/core/chart.ts';
import { CandidacyList } from '../../src/ui/components/CandidacyList.tsx';

afterEach(cleanup);

function fibromyalgiaCharted(times: number) {
  const chart = emptyChart();
  for (let i = 0; i < times; i++) {
    chart.conditions.push(
      condition({
        id: `fm-${i}`,
        patientId: 'p1',
        code: concept([icd10('M79.7', 'Fibromyalgia')]),
        onset: '2020-01-01',
      }),
    );
  }
  return assess(chart, '2026-12-01T12:00:00Z').candidacy;
}

describe('CandidacyList', () => {
  it('shows one card for an indication charted 300 times, the others counted and at most 100 listed', () => {
    const candidacy = fibromyalgiaCharted(300);
    expect(candidacy).toHaveLength(1);
    const { container } = render(<CandidacyList candidacy={candidacy} />);
    expect(container.querySelectorAll('li.card')).toHaveLength(1);
    expect(screen.getByText('and 299 more charted conditions for this use')).toBeTruthy();
    expect(container.querySelectorAll('details.more-records li')).toHaveLength(100);
    expect(screen.getByText('The first 100 are listed; the chart holds more.')).toBeTruthy();
  });

  it('says nothing more when one condition is behind the indication', () => {
    const { container } = render(<CandidacyList candidacy={fibromyalgiaCharted(1)} />);
    expect(container.querySelector('details.more-records')).toBeNull();
  });
});
