// @vitest-environment happy-dom
/**
 * The timeline: episodes of opioid and antagonist use derived from the conflicts, the washout window after each
 * opioid, today and the window's end marked; the same facts as a table.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment, Conflict } from '../../src/core/assess/types.ts';
import { TimelineChart } from '../../src/ui/components/TimelineChart.tsx';
import { formatDate, parseIsoDate } from '../../src/ui/format.ts';
import { buildTimeline } from '../../src/ui/model/timeline.ts';
import { S } from '../../src/ui/strings.ts';
import { NOW } from './support/screen.tsx';

afterEach(cleanup);

const base: Omit<Assessment, 'conflicts'> = {
  verdict: 'candidate-with-cautions',
  verdictIfComplete: 'candidate-with-cautions',
  summary: '',
  complete: true,
  gaps: [],
  candidacy: [],
  assessedAt: NOW.toISOString(),
};

const opioid: Conflict = {
  ruleId: 'recent-opioid-use',
  severity: 'major',
  title: 'Recent opioid use inside the opioid-free window',
  why: '',
  sources: [],
  entry: { resourceType: 'MedicationStatement', reference: 'MedicationStatement/1', name: 'tramadol', status: 'completed', dates: [{ label: 'effectivePeriod.start', value: '2026-09-01' }, { label: 'effectivePeriod.end', value: '2026-11-20' }] },
  matched: { by: 'name', term: 'tramadol' },
  washout: { lastUse: '2026-11-20', lastUseBasis: 'end of effectivePeriod', days: 10, endsOn: '2026-11-30', rationale: '' },
};
const antagonist: Conflict = {
  ruleId: 'naltrexone-duplicate',
  severity: 'major',
  title: 'Naltrexone already prescribed',
  why: '',
  sources: [],
  entry: { resourceType: 'MedicationRequest', reference: 'MedicationRequest/2', name: 'naltrexone 50 mg', status: 'active', dates: [{ label: 'authoredOn', value: '2026-10-15' }] },
  matched: { by: 'name', term: 'naltrexone' },
};
const hepatic: Conflict = { ...antagonist, ruleId: 'hepatic-impairment', title: 'Hepatic impairment', entry: { resourceType: 'Condition', name: 'Cirrhosis' } };

const assessment = (conflicts: Conflict[]): Assessment => ({ ...base, conflicts });

describe('timeline model', () => {
  it('derives an opioid episode ending at last use with its washout, and an ongoing antagonist episode', () => {
    const t = buildTimeline(assessment([opioid, antagonist, hepatic]), NOW);
    expect(t.episodes.map((e) => [e.name, e.kind, e.ongoing])).toEqual([
      ['tramadol', 'opioid', false],
      ['naltrexone 50 mg', 'antagonist', true],
    ]);
    expect(t.episodes[0]?.end).toBe(parseIsoDate('2026-11-20'));
    expect(t.episodes[0]?.windowEnd).toBe(parseIsoDate('2026-11-30'));
    expect(t.latestWindowEnd).toBe(parseIsoDate('2026-11-30'));
    expect(t.from).toBeLessThan(parseIsoDate('2026-09-01') as number);
    expect(t.to).toBeGreaterThan(t.latestWindowEnd as number);
  });
});

describe('timeline picture', () => {
  it('marks today and the window end in the SVG and lists the episodes in a table', () => {
    const { container } = render(<TimelineChart timeline={buildTimeline(assessment([opioid, antagonist]), NOW)} />);
    const svg = container.querySelector('svg') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.textContent).toContain(S.timelineToday);
    expect(svg.textContent).toContain(`${S.timelineWindowEnds} ${formatDate('2026-11-30')}`);
    expect(container.querySelectorAll('rect.tl-washout')).toHaveLength(1);
    expect(container.querySelectorAll('rect.tl-use')).toHaveLength(2);
    const rows = [...container.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['tramadol', S.kindOpioid, formatDate('2026-09-01'), formatDate('2026-11-20'), formatDate('2026-11-30')],
      ['naltrexone 50 mg', S.kindAntagonist, formatDate('2026-10-15'), S.ongoing, '—'],
    ]);
  });

  it('says so when there is no dated opioid or antagonist use', () => {
    render(<TimelineChart timeline={buildTimeline(assessment([hepatic]), NOW)} />);
    expect(screen.getByText(S.timelineNone)).toBeTruthy();
  });
});
