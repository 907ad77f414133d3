// @vitest-environment happy-dom
/**
 * The timeline: episodes of opioid and antagonist use derived from the conflicts, the washout window after each
 * opioid, today and the window's end marked; the same facts as a table.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment, Conflict } from '../../src/core/assess/types.ts';
import { TimelineChart } from '../../src/ui/components/TimelineChart.tsx';
import { formatDate, isoDay, parseIsoDate } from '../../src/ui/format.ts';
import { buildTimeline, layoutLabels } from '../../src/ui/model/timeline.ts';
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
  entry: {
    resourceType: 'MedicationStatement',
    reference: 'MedicationStatement/1',
    name: 'tramadol',
    status: 'completed',
    dates: [
      { label: 'effectivePeriod.start', value: '2026-09-01' },
      { label: 'effectivePeriod.end', value: '2026-11-20' },
    ],
  },
  matched: { by: 'name', term: 'tramadol' },
  washout: {
    lastUse: '2026-11-20',
    lastUseBasis: 'end of effectivePeriod',
    days: 10,
    endsOn: '2026-11-30',
    rationale: '',
  },
};
const antagonist: Conflict = {
  ruleId: 'naltrexone-duplicate',
  severity: 'major',
  title: 'Naltrexone already prescribed',
  why: '',
  sources: [],
  entry: {
    resourceType: 'MedicationRequest',
    reference: 'MedicationRequest/2',
    name: 'naltrexone 50 mg',
    status: 'active',
    dates: [{ label: 'authoredOn', value: '2026-10-15' }],
  },
  matched: { by: 'name', term: 'naltrexone' },
};
const hepatic: Conflict = {
  ...antagonist,
  ruleId: 'hepatic-impairment',
  title: 'Hepatic impairment',
  entry: { resourceType: 'Condition', name: 'Cirrhosis' },
};

const assessment = (conflicts: Conflict[]): Assessment => ({ ...base, conflicts });

const embeda: Conflict = {
  ...opioid,
  ruleId: 'opioid-naltrexone-product',
  kind: 'opioid',
  severity: 'contraindicated',
  // The title names naltrexone, yet the product is an opioid: the kind decides, never the words.
  title: 'Opioid + naltrexone product (contains an opioid)',
  entry: {
    resourceType: 'MedicationRequest',
    reference: 'MedicationRequest/3',
    name: 'Embeda 20 MG / 0.8 MG Extended Release Oral Capsule',
    status: 'active',
    dates: [{ label: 'authoredOn', value: '2026-11-01' }],
  },
};
delete (embeda as Partial<Conflict>).washout;

const dispense: Conflict = {
  ...opioid,
  kind: 'opioid',
  entry: {
    resourceType: 'MedicationDispense',
    reference: 'MedicationDispense/9',
    name: 'oxycodone hydrochloride 5 MG Oral Tablet',
    status: 'completed',
    dates: [{ label: 'whenHandedOver', value: '2026-11-02' }],
  },
};
delete (dispense as Partial<Conflict>).washout;

const day = (iso: string) => (parseIsoDate(iso) as number) / 86_400_000;

describe('timeline model', () => {
  it("classes by the finding's kind, not its title: Embeda is an opioid", () => {
    const t = buildTimeline(assessment([embeda, { ...antagonist, kind: 'antagonist' }]), NOW);
    expect(t.episodes.map((e) => e.kind)).toEqual(['opioid', 'antagonist']);
    // Without a kind, the rule id decides (older cores); a title alone never does.
    const noKind = { ...embeda } as Partial<Conflict>;
    delete noKind.kind;
    expect(buildTimeline(assessment([noKind as Conflict]), NOW).episodes[0]?.kind).toBe('opioid');
    expect(buildTimeline(assessment([{ ...noKind, ruleId: 'something-new' } as Conflict]), NOW).episodes).toEqual([]);
  });

  it("draws a dispense for its days' supply (the core's last-use day), not as a one-day tick", () => {
    const uses = [
      {
        reference: 'MedicationDispense/9',
        name: 'oxycodone',
        kind: 'opioid' as const,
        ingredients: ['oxycodone'],
        firstDay: day('2026-11-02'),
        lastDay: day('2026-11-29'),
        current: false,
      },
    ];
    const [e] = buildTimeline(assessment([dispense]), NOW, { uses }).episodes;
    expect(e?.start).toBe(parseIsoDate('2026-11-02'));
    expect(e?.end).toBe(parseIsoDate('2026-11-29'));
  });

  it("the axis shows the last 90 days and the next 30, or reaches the plan's start and the window end", () => {
    const t = buildTimeline(assessment([opioid]), NOW);
    expect(t.from).toBe(t.today - 90 * 86_400_000);
    expect(t.to).toBe(t.today + 30 * 86_400_000);
    const later = buildTimeline(assessment([opioid]), NOW, { planStart: isoDay(t.today + 45 * 86_400_000) });
    expect(later.to).toBe(t.today + 48 * 86_400_000);
    expect(later.markers.map((m) => m.id)).toEqual(['today', 'window-end', 'plan-start']);
  });

  it('names the last opioid before the axis instead of drawing it, and makes identical row names distinct', () => {
    const uses = [
      {
        reference: 'MedicationStatement/old',
        name: 'Oxycodone 5 MG',
        kind: 'opioid' as const,
        ingredients: ['oxycodone'],
        firstDay: day('2014-01-10'),
        lastDay: day('2014-03-02'),
        current: false,
      },
      {
        reference: 'MedicationStatement/older',
        name: 'codeine',
        kind: 'opioid' as const,
        ingredients: ['codeine'],
        lastDay: day('2011-05-01'),
        current: false,
      },
    ];
    const t = buildTimeline(assessment([]), NOW, { uses });
    expect(t.lastOldOpioid).toEqual({ name: 'oxycodone', stopped: '2014-03-02' });
    render(<TimelineChart timeline={t} />);
    expect(screen.getByText(S.timelineLastOld('oxycodone', '2014'))).toBeTruthy();
    expect(screen.getByText(S.timelineNone)).toBeTruthy();
    cleanup();
    const twin = {
      ...opioid,
      entry: {
        ...opioid.entry,
        reference: 'MedicationStatement/7',
        dates: [{ label: 'effectivePeriod.start', value: '2026-10-01' }],
      },
    };
    const names = buildTimeline(assessment([opioid, twin]), NOW).episodes.map((e) => e.name);
    expect(new Set(names).size).toBe(2);
  });

  it('lays marker labels out without overlapping boxes, even for marks on the same day or at the edges', () => {
    const labels = layoutLabels(
      [
        { id: 'today', x: 700, text: 'Today 1 Dec 2026' },
        { id: 'window-end', x: 703, text: 'Window ends 2 Dec 2026' },
        { id: 'plan-start', x: 705, text: 'Planned start 3 Dec 2026' },
      ],
      8,
      712,
    );
    for (const a of labels) {
      expect(a.left).toBeGreaterThanOrEqual(8);
      expect(a.right).toBeLessThanOrEqual(712);
      for (const b of labels)
        if (a !== b && a.lane === b.lane) expect(a.right <= b.left || b.right <= a.left).toBe(true);
    }
    expect(new Set(labels.map((l) => l.lane)).size).toBe(3);
  });

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
    expect(svg.textContent).toContain(`${S.timelineToday} ${formatDate(isoDay(NOW.getTime()))}`);
    expect(svg.textContent).toContain(`${S.timelineWindowEnds} ${formatDate('2026-11-30')}`);
    expect(container.querySelectorAll('rect.tl-washout')).toHaveLength(1);
    expect(container.querySelectorAll('rect.tl-use')).toHaveLength(2);
    const rows = [...container.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    );
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
