/**
 * The patient handout printed by Chromium (issue 11 item 5): the clinic's plan (0.25 mg weekly steps, about five
 * months of liquid) prints on two pages or fewer on A4 and on Letter, with only the handout on paper (not the
 * clinician's screen), large type kept, and no axe violations on the open handout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { H } from '../../src/ui/strings-order.ts';
import { browserPerTest, e2eDescribe, expectNoAxeViolations, fullPageLaunch } from './support/browser.ts';

/** Pages in a PDF Chromium wrote: its page objects (the page tree's /Count says the same). */
function pdfPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const count = Number(
    /\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/.exec(text)?.[1] ??
      /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages/.exec(text)?.[1] ??
      NaN,
  );
  if (!Number.isNaN(count)) expect(count).toBe(pages);
  return pages;
}

e2eDescribe('patient handout', () => {
  const session = browserPerTest();

  it('prints the clinic plan on two A4 or Letter pages or fewer, the handout alone', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 800, height: 600 });
    const frame = await fullPageLaunch(page, 'ldn-fibromyalgia', { banner: '1' });
    await frame.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 45_000 });
    await frame.selectOption('#plan-preset', 'clinic-weekly');
    await frame.fill('#handout-contact', 'Call the LDN clinic on 555 0100, weekdays 9 to 5');
    await frame.click(`button:has-text("${H.open}")`);
    await frame.waitForSelector('.handout');
    await expectNoAxeViolations(frame);
    await page.emulateMedia({ media: 'print' });
    // On paper: the handout and nothing of the clinician's screen.
    const printed = await page.evaluate(() => {
      const visible = (sel: string) =>
        [...document.querySelectorAll(sel)].some(
          (el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null,
        );
      const rows = document.querySelectorAll('.handout__schedule tbody tr').length;
      const size = parseFloat(getComputedStyle(document.querySelector('.handout p') as Element).fontSize);
      return {
        handout: visible('.handout'),
        verdict: visible('.verdict'),
        planner: visible('.planner'),
        review: visible('.review'),
        rows,
        size,
      };
    });
    expect(printed).toMatchObject({ handout: true, verdict: false, planner: false, review: false, rows: 18 });
    // Large type: at least 13 pt (17.3 px) for the body text.
    expect(printed.size).toBeGreaterThanOrEqual(17);
    mkdirSync('/tmp/ldn-shots', { recursive: true });
    // The print layout as one picture, for a reviewer's eye (the PDF pages are counted below).
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: '/tmp/ldn-shots/handout-print.png', fullPage: true });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({
        format,
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
      });
      writeFileSync(`/tmp/ldn-shots/handout-${format}.pdf`, pdf);
      const pages = pdfPages(pdf);
      console.log(`[handout] clinic-weekly plan on ${format}: ${pages} page(s)`);
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(2);
    }
  });
});
