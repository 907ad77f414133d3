// @vitest-environment happy-dom
/**
 * The verdict comes first, in words (icon + label word + summary), for each of the five verdicts; charts are built
 * from the fixture factories and assessed by the real clinical core.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess/assess.ts';
import type { Verdict } from '../../src/core/assess/types.ts';
import type { Chart } from '../../src/core/chart.ts';
import { verdictSentence } from '../../src/ui/components/VerdictPanel.tsx';
import { VERDICT_WORDS } from '../../src/ui/strings.ts';
import { P } from '../../src/ui/strings-plan.ts';
import { concept, condition, medicationRequest, rxnorm, snomed } from '../../fixtures/factories.ts';
import { chartOf, fakes, fibromyalgia, NOW, PATIENT_ID, recentOxycodone, renderScreen } from './support/screen.tsx';
import { readGap } from '../../src/core/chart.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const activeOxycodone = () =>
  medicationRequest({
    id: 'mr-oxy',
    patientId: PATIENT_ID,
    status: 'active',
    authoredOn: '2026-11-01',
    medication: { concept: concept([rxnorm('7804', 'oxycodone')]) },
  });

const pregnancy = () =>
  condition({
    id: 'cond-preg',
    patientId: PATIENT_ID,
    code: concept([snomed('72892002', 'Normal pregnancy')]),
    onset: '2026-09-20',
  });

const scenarios: { name: string; verdict: Verdict; chart: () => Chart }[] = [
  { name: 'fibromyalgia alone', verdict: 'candidate', chart: () => chartOf({ conditions: [fibromyalgia()] }) },
  {
    name: 'fibromyalgia with a current pregnancy',
    verdict: 'candidate-with-cautions',
    chart: () => chartOf({ conditions: [fibromyalgia(), pregnancy()] }),
  },
  {
    name: 'fibromyalgia with an active oxycodone order',
    verdict: 'not-recommended',
    chart: () => chartOf({ conditions: [fibromyalgia()], medicationRequests: [activeOxycodone()] }),
  },
  { name: 'an empty chart', verdict: 'no-indication', chart: () => chartOf({}) },
  {
    name: 'fibromyalgia with the statements unread',
    verdict: 'incomplete',
    chart: () =>
      chartOf({
        conditions: [fibromyalgia()],
        gaps: [readGap('MedicationStatement', 'failed', { what: 'search-failed', answer: 'status', status: 500 })],
      }),
  },
];

describe('verdict rendering', () => {
  for (const s of scenarios) {
    it(`shows "${VERDICT_WORDS[s.verdict].label}" for ${s.name}`, async () => {
      const chart = s.chart();
      const assessment = assess(chart, NOW);
      expect(assessment.verdict).toBe(s.verdict); // the scenario really is what its name says
      renderScreen(fakes({ charts: [chart] }));
      const heading = await screen.findByRole('heading', {
        level: 2,
        name: new RegExp(`Result: ${VERDICT_WORDS[s.verdict].label}`),
      });
      // Not colour alone: the icon and the word are in the heading, the class only adds colour.
      expect(heading.textContent).toContain(VERDICT_WORDS[s.verdict].icon);
      expect(heading.closest('section')?.className).toContain(`verdict--${s.verdict}`);
      expect(screen.getByText(assessment.summary)).toBeTruthy();
    });
  }

  it('puts the verdict before the conflicts, the candidacy and the planner', async () => {
    const { container } = renderScreen(
      fakes({ charts: [chartOf({ conditions: [fibromyalgia()], medicationStatements: [recentOxycodone()] })] }),
    );
    await screen.findByRole('heading', { name: /Result:/ });
    // The planner arrives after the verdict (its code loads on demand) and takes its place below the timeline.
    await screen.findByRole('heading', { name: P.plannerHeading });
    const headings = [...container.querySelectorAll('h2')].map((h) => h.id || h.textContent);
    expect(headings.slice(0, 5)).toEqual(['verdict-h', 'conflicts-h', 'candidacy-h', 'timeline-h', 'planner-h']);
  });

  it('shows the progress count while a large chart is read', async () => {
    let finish: (c: Chart) => void = () => {};
    const f = fakes({ charts: [] });
    f.services.readChart = (_h, _p, o) => {
      o.onProgress?.({ loaded: 1234, total: 5000, pending: 3 });
      return new Promise<Chart>((resolve) => (finish = resolve));
    };
    renderScreen(f);
    const status = await screen.findByText(/Read 1,234 of 5,000 records/);
    expect(status.getAttribute('aria-live')).toBe('polite');
    finish(chartOf({ conditions: [fibromyalgia()] }));
    await screen.findByRole('heading', { name: /Result: Candidate/ });
    expect(screen.queryByText(/Read 1,234/)).toBeNull();
  });
});

describe('clinical words in the verdict and gaps', () => {
  it('says verdict codes and element names as words, dates in the one format', () => {
    expect(
      verdictSentence('Incomplete: 1 part of the chart could not be read (on what was read: not-recommended).'),
    ).toBe('Incomplete: 1 part of the chart could not be read (on what was read: not recommended now).');
    expect(verdictSentence('Candidate, not before 2026-12-07 (end of effectivePeriod).')).toBe(
      'Candidate, not before 7 Dec 2026 (end of the period it was taken).',
    );
  });
});
