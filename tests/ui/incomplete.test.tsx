// @vitest-environment happy-dom
/**
 * The incomplete state: it says the result is incomplete, lists each gap (resource type, reason in plain words,
 * detail), never claims "no conflicts", re-reads on Retry, and sends a 401 to a relaunch.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadGap } from '../../src/core/chart.ts';
import { GAP_REASON_WORDS, S } from '../../src/ui/strings.ts';
import { chartOf, fakes, fibromyalgia, renderScreen } from './support/screen.tsx';
import { readGap } from '../../src/core/chart.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const statementsFailed: ReadGap = readGap('MedicationStatement', 'failed', {
  what: 'search-failed',
  answer: 'status',
  status: 500,
});
const dispensesRefused: ReadGap = readGap('MedicationDispense', 'refused', {
  what: 'search-failed',
  answer: 'status',
  status: 403,
});

describe('incomplete result', () => {
  it('says it is incomplete and lists every gap with its reason in words and its detail', async () => {
    renderScreen(
      fakes({ charts: [chartOf({ conditions: [fibromyalgia()], gaps: [statementsFailed, dispensesRefused] })] }),
    );
    await screen.findByRole('heading', { name: /Result: Incomplete result/ });
    expect(screen.getByText(S.incompleteLead)).toBeTruthy();
    const items = screen.getByRole('heading', { name: S.gapsHeading }).nextElementSibling?.querySelectorAll('li') ?? [];
    const texts = [...items].map((li) => li.textContent ?? '');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('MedicationStatement');
    expect(texts[0]).toContain(GAP_REASON_WORDS.failed);
    expect(texts[0]).toContain('MedicationStatement search answered 500 (the server reported an error)');
    expect(texts[1]).toContain('MedicationDispense');
    expect(texts[1]).toContain(GAP_REASON_WORDS.refused);
  });

  it('never says "no conflicts" when the chart was read only in part', async () => {
    const { container } = renderScreen(
      fakes({ charts: [chartOf({ conditions: [fibromyalgia()], gaps: [statementsFailed] })] }),
    );
    await screen.findByRole('heading', { name: /Incomplete/ });
    expect(container.textContent).not.toMatch(/no conflicts/i);
    expect(screen.getByText(S.conflictsNoneIncomplete)).toBeTruthy();
  });

  it('says "no conflicts" only for a chart read in full', async () => {
    renderScreen(fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] }));
    expect(await screen.findByText(S.conflictsNoneComplete)).toBeTruthy();
  });

  it('re-reads the chart on Retry and shows the new result', async () => {
    const f = fakes({
      charts: [
        chartOf({ conditions: [fibromyalgia()], gaps: [statementsFailed] }),
        chartOf({ conditions: [fibromyalgia()] }),
      ],
    });
    renderScreen(f);
    fireEvent.click(await screen.findByRole('button', { name: S.retry }));
    await screen.findByRole('heading', { name: /Result: Candidate$/ });
    expect(f.readChart).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(S.incompleteLead)).toBeNull();
  });

  it('tells the clinician to relaunch when the session expired (401)', async () => {
    const expired = readGap('Condition', 'unauthorized', { what: 'search-failed', answer: 'status', status: 401 });
    renderScreen(fakes({ charts: [chartOf({ gaps: [expired] })] }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', S.sessionExpired);
    expect(screen.getByText(/your session expired: relaunch from the EHR/)).toBeTruthy();
  });

  it('offers a retry when the reader itself fails', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] });
    let first = true;
    const real = f.services.readChart;
    f.services.readChart = (...args) => {
      if (first) {
        first = false;
        return Promise.reject(new Error('reader crashed'));
      }
      return real(...args);
    };
    renderScreen(f);
    expect(await screen.findByText(S.readFailed)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: S.retry }));
    await screen.findByRole('heading', { name: /Result: Candidate/ });
  });
});
