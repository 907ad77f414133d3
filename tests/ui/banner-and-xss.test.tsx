// @vitest-environment happy-dom
/**
 * The patient banner only when the launch says need_patient_banner; and FHIR text (names, displays) rendered as
 * text, so a display such as `<img src=x onerror=alert(1)>` stays inert.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { concept, condition, medicationRequest, patient } from '../../fixtures/factories.ts';
import { formatDate } from '../../src/ui/format.ts';
import { S } from '../../src/ui/strings.ts';
import { chartOf, fakes, fibromyalgia, launchContext, PATIENT_ID, renderScreen } from './support/screen.tsx';
import { readGap } from '../../src/core/chart.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const XSS = '<img src=x onerror=alert(1)>';

const ada = () =>
  patient({ id: PATIENT_ID, given: 'Ada', family: 'Lovelace', gender: 'female', birthDate: '1985-12-10' });

describe('patient banner rule', () => {
  it('shows name, gender and birth date from the Patient the chart reader checked, fetching nothing itself', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], patient: ada() })] });
    renderScreen(f, launchContext({ needPatientBanner: true }));
    const banner = await screen.findByRole('region', { name: S.bannerLabel });
    await screen.findByText('Ada Lovelace');
    expect(banner.textContent).toContain('female');
    expect(banner.textContent).toContain(formatDate('1985-12-10'));
    expect(f.http.fetch).not.toHaveBeenCalled();
  });

  it('shows no banner when the EHR shows its own', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], patient: ada() })] });
    renderScreen(f, launchContext({ needPatientBanner: false }));
    await screen.findByRole('heading', { name: /Result:/ });
    expect(screen.queryByRole('region', { name: S.bannerLabel })).toBeNull();
    expect(f.http.fetch).not.toHaveBeenCalled();
  });

  it("says the details could not be loaded, and the verdict is incomplete, when the server sent another patient's record", async () => {
    const wrong = {
      ...readGap('Patient', 'wrong-patient', { what: 'patient-other' }),
    };
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], gaps: [wrong] })] });
    const { container } = renderScreen(f, launchContext({ needPatientBanner: true }));
    expect(await screen.findByText(S.bannerFailed)).toBeTruthy();
    expect(container.querySelector('main')?.getAttribute('data-verdict')).toBe('incomplete');
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
  });
});

describe('FHIR text stays text', () => {
  it('renders an HTML-looking condition and medication display as visible text, creating no element', async () => {
    const chart = chartOf({
      conditions: [condition({ id: 'c-x', patientId: PATIENT_ID, code: concept([], `Fibromyalgia ${XSS}`) })],
      medicationRequests: [
        medicationRequest({
          id: 'mr-x',
          patientId: PATIENT_ID,
          medication: { concept: concept([], `oxycodone ${XSS}`) },
        }),
      ],
    });
    const f = fakes({ charts: [{ ...chart, patient: patient({ id: PATIENT_ID, given: XSS, family: 'Test' }) }] });
    const { container } = renderScreen(f, launchContext({ needPatientBanner: true }));
    await screen.findByRole('heading', { name: /Result:/ });
    await screen.findByText(`${XSS} Test`);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.textContent).toContain(`oxycodone ${XSS}`);
    // Also in the list of what was read.
    const read = [...container.querySelectorAll('.chart-read li')].map((li) => li.textContent ?? '');
    expect(read.some((t) => t.startsWith(`Fibromyalgia ${XSS}`))).toBe(true);
  });
});
