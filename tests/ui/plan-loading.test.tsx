// @vitest-environment happy-dom
/**
 * The plan part arrives after the verdict (issue 14 item 1): its download starts only once the verdict is on
 * screen, a status says it is loading (never an empty area), a failed download says so with a retry and writes
 * nothing, and the answer about an existing LDN order (above the verdict) works before the planner is there.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReadGap } from '../../src/core/chart.ts';
import { TITRATION_PRESETS } from '../../src/core/titration/presets.ts';
import type { Planning } from '../../src/ui/services.ts';
import { L, S, X } from '../../src/ui/strings.ts';
import { P, W } from '../../src/ui/strings-plan.ts';
import { concept, medicationRequest, rxnorm } from '../../fixtures/factories.ts';
import { chartOf, fakes, fibromyalgia, PATIENT_ID, renderScreen } from './support/screen.tsx';
import { readGap } from '../../src/core/chart.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const fibroChart = () => chartOf({ conditions: [fibromyalgia()] });
const existingLdn = () =>
  medicationRequest({
    id: 'mr-ldn-old',
    patientId: PATIENT_ID,
    status: 'active',
    authoredOn: '2026-10-01',
    medication: { concept: concept([rxnorm('7243', 'naltrexone')], 'Naltrexone 4.5 mg capsule (compounded)') },
    sig: '4.5 mg at bedtime',
  });

describe('the plan part, loaded after the verdict', () => {
  it('starts downloading only once the verdict is on screen, and says it is loading meanwhile', async () => {
    const f = fakes({ charts: [fibroChart()] });
    // The read and the download each wait for the test to let them finish.
    let finishRead: () => void = () => {};
    const read = f.services.readChart;
    f.services.readChart = async (...args) => {
      await new Promise<void>((resolve) => (finishRead = resolve));
      return read(...args);
    };
    let finishLoad: () => void = () => {};
    const load = f.services.loadPlanning;
    f.services.loadPlanning = vi.fn(() => new Promise<Planning>((resolve) => (finishLoad = () => resolve(load()))));
    renderScreen(f);
    await screen.findByText(S.readingChart);
    expect(f.services.loadPlanning).not.toHaveBeenCalled();
    finishRead();
    await screen.findByRole('heading', { name: /Result:/ });
    await waitFor(() => expect(f.services.loadPlanning).toHaveBeenCalledTimes(1));
    const status = screen.getByText(L.loading);
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('heading', { name: P.plannerHeading })).toBeNull();
    finishLoad();
    await screen.findByRole('heading', { name: P.plannerHeading });
    expect(screen.queryByText(L.loading)).toBeNull();
  });

  it('a failed download says so, writes nothing, and its retry brings the planner', async () => {
    const f = fakes({ charts: [fibroChart()], planningFailures: 1 });
    renderScreen(f);
    const alert = await screen.findByText(L.failed);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    // The verdict stays on screen; nothing was sent.
    expect(screen.getByRole('heading', { name: /Result:/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: new RegExp(P.sign) })).toBeNull();
    expect(f.writeOrder).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: L.retry }));
    await screen.findByRole('heading', { name: P.plannerHeading });
    expect(f.loadPlanning).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(L.failed)).toBeNull();
  });

  it('is not downloaded again when the chart is read again', async () => {
    const gap: ReadGap = readGap('MedicationStatement', 'failed', { what: 'search-failed', answer: 'network' });
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], gaps: [gap] }), fibroChart()] });
    renderScreen(f);
    await screen.findByRole('heading', { name: P.plannerHeading });
    fireEvent.click(screen.getByRole('button', { name: S.retry }));
    await waitFor(() => expect(f.readChart).toHaveBeenCalledTimes(2));
    await screen.findByRole('heading', { name: P.plannerHeading });
    expect(f.loadPlanning).toHaveBeenCalledTimes(1);
  });

  it('a re-read of the chart while the download is under way neither drops it nor starts another', async () => {
    const gap: ReadGap = readGap('MedicationStatement', 'failed', { what: 'search-failed', answer: 'network' });
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], gaps: [gap] }), fibroChart()] });
    let finishLoad: () => void = () => {};
    const load = f.services.loadPlanning;
    f.services.loadPlanning = vi.fn(() => new Promise<Planning>((resolve) => (finishLoad = () => resolve(load()))));
    renderScreen(f);
    await waitFor(() => expect(f.services.loadPlanning).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: S.retry }));
    await waitFor(() => expect(f.readChart).toHaveBeenCalledTimes(2));
    await screen.findByRole('heading', { name: /Result: Candidate/ });
    expect(screen.getByText(L.loading)).toBeTruthy();
    finishLoad();
    await screen.findByRole('heading', { name: P.plannerHeading });
    expect(f.services.loadPlanning).toHaveBeenCalledTimes(1);
  });

  it('takes the answer about an existing order given before the planner arrived', async () => {
    const f = fakes({
      charts: [chartOf({ conditions: [fibromyalgia()], medicationRequests: [existingLdn()] })],
      planningFailures: 1,
    });
    renderScreen(f);
    await screen.findByText(L.failed);
    // The existing order, its start and the question are part of the verdict screen.
    const panel = (await screen.findByRole('heading', { name: X.heading })).closest('section')!;
    expect(panel.textContent).toContain(X.started('1 Oct 2026'));
    fireEvent.click(screen.getByRole('radio', { name: X.continue }));
    fireEvent.click(screen.getByRole('button', { name: L.retry }));
    const preset = TITRATION_PRESETS[0]!;
    fireEvent.change(await screen.findByLabelText(P.preset), { target: { value: preset.id } });
    // "Continue it": no new order to sign.
    expect(await screen.findByText(W.noNewOrderContinue)).toBeTruthy();
    expect(f.writeOrder).not.toHaveBeenCalled();
  });
});
