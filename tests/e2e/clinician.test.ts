/**
 * The clinician's screen in real Chromium, launched from the sandbox EHR's 800x600 frame: one patient per verdict,
 * the incomplete state under a refused search and a timed-out one, the large chart's progress, the banner rule, axe on the results,
 * planner and review, the XSS patient's display staying inert, and no horizontal scroll at 800x600.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { largeChartPatient, syntheticPatients } from '../../fixtures/patients.ts';
import { mkdirSync } from 'node:fs';
import { GAP_REASON_WORDS, S, VERDICT_WORDS } from '../../src/ui/strings.ts';
import { P } from '../../src/ui/strings-plan.ts';
import { H, R } from '../../src/ui/strings-order.ts';
import { recordsWord } from '../../src/ui/clinical-words.ts';
import type { GapReason } from '../../src/core/chart.ts';
import {
  browserPerTest,
  e2eDescribe,
  ehrLaunch,
  expectNoAxeViolations,
  fullPageLaunch,
  sandboxOrigin,
} from './support/browser.ts';

/** Where the screenshots for a reviewer's eye go (not committed). */
const SHOTS = '/tmp/ldn-shots';

const SCREEN_DONE = 'main.ldn[data-screen="ready"], main.ldn[data-screen="failed"]';

/** Launches in the EHR frame and waits for the verdict (or the reader's failure) to be on screen. */
async function launchToVerdict(page: Page, patientId: string, options: Record<string, string> = {}): Promise<Frame> {
  const frame = await ehrLaunch(page, patientId, options);
  await frame.waitForSelector(SCREEN_DONE, { timeout: 45_000 });
  return frame;
}

const verdictOf = (frame: Frame) => frame.getAttribute('main.ldn', 'data-verdict');

e2eDescribe('clinician screen', () => {
  const session = browserPerTest();
  let page: Page;
  beforeEach(() => {
    ({ page } = session);
  });

  // One launch per verdict kind. Every synthetic patient's verdict after a real EHR launch and chart read is
  // checked in process (tests/edge/sandbox-launch-read.test.ts), the rendering of each verdict in
  // tests/ui/verdict.test.tsx.
  const firstPerVerdict = syntheticPatients().filter(
    (p, i, all) => all.findIndex((q) => q.expected.verdict === p.expected.verdict) === i,
  );
  for (const patient of firstPerVerdict) {
    it(`shows "${VERDICT_WORDS[patient.expected.verdict].label}" for ${patient.key}`, async () => {
      const frame = await launchToVerdict(page, patient.key, { banner: '0' });
      expect(await verdictOf(frame)).toBe(patient.expected.verdict);
      const heading = await frame.textContent('#verdict-h');
      expect(heading).toContain(VERDICT_WORDS[patient.expected.verdict].label);
    });
  }

  // One fault on screen; each fault on each searched type, after a real launch, is checked in process
  // (tests/edge/sandbox-launch-read.test.ts), as are broken paging and a slow server.
  it('shows incomplete with the reason when MedicationStatement answers 403', async () => {
    const frame = await launchToVerdict(page, 'ldn-fibromyalgia', {
      banner: '0',
      fhir_fault: 'MedicationStatement:403',
    });
    await expectIncomplete(frame, 'MedicationStatement', ['refused']);
  });

  it('shows incomplete with the reason when a search times out (the clock moved past the deadline)', async () => {
    // The sandbox holds the answer for 30 s and the app gives up after 20 s: rather than wait, the page's clock
    // jumps past the deadline once the chart's read is on the wire.
    await page.clock.install();
    // The held search goes out in the first batch (POST to the base) or, reading in parallel, on its own.
    const read = page.waitForRequest((r) => {
      const path = new URL(r.url()).pathname;
      return (r.method() === 'POST' && path === '/fhir') || path === '/fhir/MedicationStatement';
    });
    await page.goto(
      `${sandboxOrigin()}/ehr?${new URLSearchParams({ patient: 'ldn-fibromyalgia', banner: '0', fhir_fault: 'MedicationStatement:timeout' })}`,
    );
    await read;
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('The EHR page has no app iframe');
    await page.clock.fastForward(21_000);
    await frame.waitForSelector(SCREEN_DONE, { timeout: 45_000 });
    await expectIncomplete(frame, 'MedicationStatement', ['timeout']);
  });

  it('counts the records read while the large chart loads, then gives its verdict', async () => {
    // The first pages arrive together (one batch); the 3,000 orders' further pages are held back until the count
    // already reached is on screen (formerly a slow-server fault, 1.5 s per page), then let through.
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => (release = done));
    await page.route(
      (url) => url.pathname === '/fhir/MedicationRequest',
      async (route) => {
        await released;
        await route.fallback();
      },
    );
    const frame = await ehrLaunch(page, 'ldn-large-chart', { banner: '0' });
    const progress = await frame.waitForSelector('.progress[aria-live="polite"]:has-text("records")', {
      timeout: 20_000,
    });
    expect(await progress.textContent()).toMatch(/^Read [\d,.\s]+ (of [\d,.\s]+ )?records…$/);
    expect(await frame.$('main.ldn[data-screen="ready"]')).toBeNull();
    release();
    await frame.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 45_000 });
    expect(await verdictOf(frame)).toBe(largeChartPatient().expected.verdict);
  });

  async function expectIncomplete(frame: Frame, type: string, reasons: GapReason[]) {
    expect(await verdictOf(frame)).toBe('incomplete');
    const text = (await frame.textContent('main.ldn')) ?? '';
    expect(text).toContain(S.incompleteLead);
    expect(text).not.toMatch(/no conflicts/i);
    const gaps = await frame.$$eval('.gaps li', (lis) => lis.map((li) => li.textContent ?? ''));
    const mine = gaps.filter((g) => g.startsWith(recordsWord(type)));
    expect(mine.length, gaps.join('\n')).toBeGreaterThan(0);
    expect(
      mine.some((g) => reasons.some((r) => g.includes(GAP_REASON_WORDS[r]))),
      mine.join('\n'),
    ).toBe(true);
    expect(await frame.$(`button:has-text("${S.retry}")`)).not.toBeNull();
  }

  it('shows the patient banner only when the launch asks for it', async () => {
    const withBanner = await launchToVerdict(page, 'ldn-fibromyalgia', { banner: '1' });
    await withBanner.waitForSelector('.banner__name');
    expect((await withBanner.textContent('.banner'))?.length).toBeGreaterThan(5);
    const without = await launchToVerdict(page, 'ldn-fibromyalgia', { banner: '0' });
    expect(await without.$('.banner')).toBeNull();
  });

  it('keeps the XSS patient display inert: no dialog, no injected element, the text visible', async () => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    const xss = syntheticPatients().find((p) => p.key === 'ldn-xss-display');
    expect(xss).toBeDefined();
    const frame = await launchToVerdict(page, 'ldn-xss-display', { banner: '1' });
    await frame.waitForTimeout(300); // give an onerror handler the chance to fire, were there one
    expect(dialogs).toBe(0);
    expect(await frame.$$eval('main img, main script, main [onerror]', (els) => els.length)).toBe(0);
    // The payload is on screen as text, in the list of what was read.
    await frame.click(`summary:has-text("What was read")`);
    const shown = await frame.$$eval('.chart-read li', (lis) => lis.map((li) => (li as HTMLElement).innerText));
    expect(
      shown.some((t) => /<img|<script|onerror/i.test(t)),
      shown.join('\n'),
    ).toBe(true);
    expect(await frame.$$eval('main img, main script, main [onerror]', (els) => els.length)).toBe(0);
  });

  it('has no axe violations on the results, the planner and the review, and no horizontal scroll at 800x600', async () => {
    const frame = await launchToVerdict(page, 'ldn-ms-tramadol-stopped', { banner: '1' });
    await expectNoAxeViolations(frame);
    await expectNoHorizontalScroll(frame);
    await frame.selectOption('#plan-preset', { index: 1 });
    await frame.waitForSelector('table.steps');
    await overrideAll(frame, 'Reviewed with the patient');
    await frame.click(`summary:has-text("${R.json}")`);
    await frame.click(`summary:has-text("${S.timelineTableCaption}")`);
    await expectNoAxeViolations(frame);
    await expectNoHorizontalScroll(frame);
  });

  it('the review shows every element of the sent resource, by name, in the 800x600 frame', async () => {
    const frame = await launchToVerdict(page, 'ldn-fibromyalgia', { banner: '0' });
    await frame.selectOption('#plan-preset', 'clinic-weekly');
    await frame.waitForSelector('[data-order-preview]');
    await frame.click(`summary:has-text("${R.json}")`);
    const { shown, sent } = await frame.evaluate(() => {
      const preview = document.querySelector('[data-order-preview]') as HTMLElement;
      const pres = preview.querySelectorAll('pre');
      const copy = preview.cloneNode(true) as HTMLElement;
      copy.querySelector('details.json')?.remove();
      return { shown: copy.textContent ?? '', sent: JSON.parse(pres[pres.length - 1]!.textContent ?? '{}') };
    });
    for (const n of sent.note) expect(shown).toContain(n.text);
    for (const d of sent.dosageInstruction) expect(shown).toContain(d.text);
    // The sandbox grants patient/ scopes only, so the Practitioner cannot be read: the name comes from the
    // id_token's OpenID Connect name claim, on the order and in the review.
    expect(sent.requester.display).toBe('Dr. Ada Okafor');
    expect(shown).toContain('Dr. Ada Okafor');
    expect(sent.subject.display).toBeTruthy();
    expect(shown).toContain(sent.subject.display);
    expect(sent.dispenseRequest.numberOfRepeatsAllowed).toBeGreaterThan(0);
    expect(sent.dispenseRequest.expectedSupplyDuration.value).toBeLessThanOrEqual(30);
    expect(shown).not.toMatch(/Patient\/|Practitioner\/|Encounter\/|\d{4}-\d{2}-\d{2}/);
    // The steps table's headers never break inside a word.
    const headers = await frame.$$eval('table.steps th, table.fills th', (ths) =>
      ths.map((th) => {
        // One client rect per line box the text occupies: a word broken in two gives two.
        const range = document.createRange();
        range.selectNodeContents(th);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: th.textContent ?? '', lines: tops.size };
      }),
    );
    for (const h of headers) if (!h.text.includes(' ')) expect(h.lines, h.text).toBeLessThanOrEqual(1);
  });

  it('timeline labels never overlap and the screens are captured at 800x600 and 1280x800', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const sizes = [
      { width: 800, height: 600 },
      { width: 1280, height: 800 },
    ];
    /** The window resized (the page lays itself out again), with the tag of the screenshots at that size. */
    const resize = async (size: { width: number; height: number }) => {
      await page.setViewportSize(size);
      await page.waitForFunction(({ width }) => window.innerWidth === width, size);
      return `${size.width}x${size.height}`;
    };
    // One launch per patient, each size checked in it.
    for (const patient of ['ldn-ms-tramadol-stopped', 'ldn-crohns-oxycodone', 'ldn-status-mix']) {
      await resize(sizes[0]!);
      const frame = await fullPageLaunch(page, patient, { banner: '1' });
      await frame.waitForSelector(SCREEN_DONE, { timeout: 45_000 });
      await frame.selectOption('#plan-preset', 'clinic-weekly');
      await frame.waitForSelector('table.steps');
      for (const size of sizes) {
        const tag = await resize(size);
        await expectTimelineLabelsApart(frame, `${patient} at ${tag}`);
        if (patient === 'ldn-ms-tramadol-stopped') {
          await frame.locator('.verdict').screenshot({ path: `${SHOTS}/verdict-${tag}.png` });
          await frame.locator('.timeline').screenshot({ path: `${SHOTS}/timeline-${tag}.png` });
          await frame.locator('.conflicts').screenshot({ path: `${SHOTS}/conflicts-${tag}.png` });
          await frame.locator('.planner').screenshot({ path: `${SHOTS}/planner-${tag}.png` });
        }
      }
      if (patient === 'ldn-status-mix')
        expect(await frame.textContent('.timeline')).toMatch(/Last opioid: hydrocodone, stopped/);
      if (patient !== 'ldn-ms-tramadol-stopped') continue;
      await overrideAll(frame, 'Reviewed with the patient');
      await frame.waitForSelector('[data-order-preview]');
      for (const size of sizes) {
        const tag = await resize(size);
        await frame.locator('.review').screenshot({ path: `${SHOTS}/review-${tag}.png` });
      }
      await frame.click(`button:has-text("${H.open}")`);
      await frame.waitForSelector('.handout');
      for (const size of sizes) {
        const tag = await resize(size);
        await frame.locator('.handout').screenshot({ path: `${SHOTS}/handout-${tag}.png` });
        await expectNoAxeViolations(frame);
      }
    }
  });

  it('can be used with the keyboard alone: the preset, a field and the sign button are reachable with Tab', async () => {
    const frame = await launchToVerdict(page, 'ldn-fibromyalgia', { banner: '0' });
    const reached = new Set<string>();
    await frame.focus('main.ldn h1').catch(() => undefined);
    for (let i = 0; i < 80 && reached.size < 3; i++) {
      await page.keyboard.press('Tab');
      const id = await frame.evaluate(
        () => document.activeElement?.id || document.activeElement?.textContent?.trim() || '',
      );
      if (id === 'plan-preset' || id === 'plan-start' || id === P.sign) reached.add(id);
    }
    expect([...reached].sort()).toEqual(['plan-preset', 'plan-start'].sort());
  });
});

/** Ticks every override and gives each a reason. */
async function overrideAll(frame: Frame, reason: string) {
  const boxes = await frame.$$('input[type="checkbox"][id^="override-"]');
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    const id = await box.getAttribute('id');
    await box.check();
    await frame.fill(`#${id?.replace(/-check$/, '-reason')}`, reason);
  }
}

async function expectNoHorizontalScroll(frame: Frame) {
  const { scrollWidth, clientWidth } = await frame.evaluate(() => {
    const el = document.scrollingElement as Element;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** No two timeline labels overlap, and every label is inside the picture. */
async function expectTimelineLabelsApart(frame: Frame, where: string) {
  const boxes = await frame.$$eval('.timeline svg text', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${where}: "${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
  const svg = await frame
    .$eval('.timeline svg', (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right };
    })
    .catch(() => undefined);
  if (svg)
    for (const b of boxes) expect(b.left >= svg.left - 1 && b.right <= svg.right + 1, `${where}: ${b.text}`).toBe(true);
}
