// @vitest-environment happy-dom
/**
 * The launch's warm-up (src/core/assess/warm-up.ts) is run by the screen while the chart read is on the wire,
 * once, and not when the chart is already there (then the chart is assessed at once).
 */
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Chart } from '../../src/core/chart.ts';
import { chartOf, fakes, fibromyalgia, renderScreen } from './support/screen.tsx';

afterEach(cleanup);

describe('the warm-up while the chart is read', () => {
  it('runs once while the read is pending, before the assessment', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] });
    let answer: (c: Chart) => void = () => {};
    f.services.readChart = vi.fn(() => new Promise<Chart>((resolve) => (answer = resolve)));
    const calls: string[] = [];
    const assess = f.services.assess;
    f.services.warmUp = vi.fn(() => void calls.push('warm-up'));
    f.services.assess = (chart, now) => {
      calls.push('assess');
      return assess(chart, now);
    };
    renderScreen(f);
    await waitFor(() => expect(f.services.warmUp).toHaveBeenCalledTimes(1));
    answer(chartOf({ conditions: [fibromyalgia()] }));
    await waitFor(() => expect(calls).toEqual(['warm-up', 'assess']));
  });

  it('does not run when the chart is already read', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] });
    const ready = Promise.resolve(chartOf({ conditions: [fibromyalgia()] }));
    f.services.readChart = vi.fn(() => ready);
    f.services.warmUp = vi.fn();
    const assess = vi.spyOn(f.services, 'assess');
    renderScreen(f);
    await waitFor(() => expect(assess).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(f.services.warmUp).not.toHaveBeenCalled();
  });
});
