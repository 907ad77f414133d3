/**
 * The clinical second pass in real Chromium (issue 9): two of its synthetic patients launched from the sandbox EHR,
 * the verdict and the deciding finding's severity on screen. The other second-pass patients' verdicts are checked in
 * process (tests/core/assess/synthetic-patients.test.ts): one browser launch per behaviour.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RULES } from '../../src/core/knowledge/rules.ts';
import { SEVERITY_WORDS, VERDICT_WORDS } from '../../src/ui/strings.ts';
import { browserPerTest, e2eDescribe, ehrLaunch } from './support/browser.ts';

const SCREEN_DONE = 'main.ldn[data-screen="ready"], main.ldn[data-screen="failed"]';

e2eDescribe('clinical second pass on screen', () => {
  const session = browserPerTest();
  let page: Page;
  beforeEach(() => {
    ({ page } = session);
  });

  it.each([
    ['ldn-2b-sublocade', 'not-recommended', 'buprenorphine-depot'],
    ['ldn-2b-antidiarrheal', 'candidate-with-cautions', 'opioid-antidiarrheal'],
  ] as const)('%s: "%s" with the %s finding at its severity', async (key, verdict, ruleId) => {
    const frame = await ehrLaunch(page, key, { banner: '0' });
    await frame.waitForSelector(SCREEN_DONE, { timeout: 45_000 });
    expect(await frame.getAttribute('main.ldn', 'data-verdict')).toBe(verdict);
    expect(await frame.textContent('#verdict-h')).toContain(VERDICT_WORDS[verdict].label);
    const rule = RULES[ruleId];
    const card = frame.locator(`.card--${rule.severity}`, { hasText: rule.title });
    await card.first().waitFor({ timeout: 10_000 });
    const tags = await card.first().locator('.tag').allTextContents();
    expect(tags[0]).toBe(SEVERITY_WORDS[rule.severity]);
  });
});
