/** The two commands: `npm run cds-service` (started for real on a free port) and the feedback review. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFeedbackSummary, summariseFeedback } from '../../../src/edge/cds/feedback-review.ts';
import { main as cdsFeedback } from '../../../src/entry/cli/cds-feedback.ts';
import { inProcess } from '../../cli/support.ts';
import { cdsPatient, DRAFTS, hookBody, prefetchOf } from './requests.ts';
import { ISS, sign, testKey } from './support.ts';

describe('cds-service command', () => {
  it('serves discovery, answers a signed call and appends issued cards and feedback to the JSONL file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cds-cli-'));
    const key = await testKey();
    writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients: [{ iss: ISS, jwks: key.jwks }] }));
    const child = spawn(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'src/entry/cli/cds-service.ts',
        '--port',
        '0',
        '--clients',
        join(dir, 'clients.json'),
        '--feedback',
        join(dir, 'fb.jsonl'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => ((out += c.toString()), out.includes('\n') && ok(out)));
        child.once('exit', (code) => fail(new Error(`exited ${code}`)));
      });
      const base = /CDS Hooks service: (\S+)\/cds-services/.exec(line)?.[1] ?? '';
      expect(base).toMatch(/^http:\/\/localhost:\d+$/);
      // It listens on 127.0.0.1; the base URL names localhost, which is what tokens' aud must say.
      const port = new URL(base).port;
      expect(
        ((await (await fetch(`http://127.0.0.1:${port}/cds-services`)).json()) as { services: unknown[] }).services,
      ).toHaveLength(3);
      const p = cdsPatient('ldn-cds-on-ldn-opioid-order');
      const aud = `${base}/cds-services/ldn-order-select`;
      const res = await fetch(`http://127.0.0.1:${port}/cds-services/ldn-order-select`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await sign(key, aud)}`, 'content-type': 'application/json' },
        body: JSON.stringify(hookBody('order-select', p.id, [DRAFTS.oxycodone(p.id)], prefetchOf(p))),
      });
      const { cards } = (await res.json()) as { cards: { uuid: string }[] };
      expect(cards).toHaveLength(1);
      const lines = readFileSync(join(dir, 'fb.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; card: string });
      expect(lines).toEqual([
        expect.objectContaining({ type: 'card', card: cards[0]!.uuid, topic: 'opioid-on-naltrexone' }),
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});

describe('feedback review', () => {
  it('joins feedback to the issued cards by uuid and counts outcomes and reasons', () => {
    const text =
      [
        {
          type: 'card',
          issuedAt: '2026-12-01T10:00:00Z',
          service: 'ldn-order-sign',
          client: ISS,
          card: 'c1',
          topic: 'opioid-on-naltrexone',
          indicator: 'critical',
        },
        {
          type: 'card',
          issuedAt: '2026-12-01T10:01:00Z',
          service: 'ldn-order-sign',
          client: ISS,
          card: 'c2',
          topic: 'opioid-on-naltrexone',
          indicator: 'critical',
        },
        {
          type: 'feedback',
          receivedAt: '2026-12-01T10:02:00Z',
          service: 'ldn-order-sign',
          client: ISS,
          card: 'c1',
          outcome: 'overridden',
          overrideReason: { reason: { code: 'emergency', display: 'Emergency' }, userComment: 'trauma bay' },
          outcomeTimestamp: '2026-12-01T10:02:00Z',
        },
        {
          type: 'feedback',
          receivedAt: '2026-12-01T10:03:00Z',
          service: 'ldn-order-sign',
          client: ISS,
          card: 'c2',
          outcome: 'accepted',
          outcomeTimestamp: '2026-12-01T10:03:00Z',
        },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n') + '\n{broken';
    const s = summariseFeedback(text);
    expect(s.topics).toEqual([{ topic: 'opioid-on-naltrexone', issued: 2, accepted: 1, overridden: 1 }]);
    expect(s.reasons).toEqual([{ reason: 'Emergency', count: 1 }]);
    expect(s.unreadableLines).toBe(1);
    const out = formatFeedbackSummary(s);
    expect(out).toContain(
      '1 Dec 2026 10:02 UTC  opioid-on-naltrexone (ldn-order-sign): Emergency; comment: "trauma bay"',
    );
    expect(summariseFeedback(text, '2026-12-02').topics).toEqual([]);
  });
});

describe('cds-feedback command (main in process)', () => {
  it('prints the review of a feedback file as JSON; a bad --since is a usage error, a missing file one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cds-feedback-'));
    const card = { type: 'card', issuedAt: '2026-12-01T10:00:00Z', service: 'ldn-order-sign', client: ISS, card: 'c1' };
    writeFileSync(join(dir, 'fb.jsonl'), `${JSON.stringify({ ...card, topic: 'opioid-on-naltrexone' })}\n`);
    const ok = await inProcess(cdsFeedback, ['--file', 'fb.jsonl', '--json'], { env: { INIT_CWD: dir } });
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(ok.stdout)).toMatchObject({
      topics: [{ topic: 'opioid-on-naltrexone', issued: 1, accepted: 0, overridden: 0 }],
    });
    const since = await inProcess(cdsFeedback, ['--file', 'fb.jsonl', '--since', 'yesterday'], { cwd: dir });
    expect(since).toMatchObject({ code: 2, stdout: '' });
    expect(since.stderr).toMatch(/^cds-feedback: --since must be YYYY-MM-DD\nusage: /);
    const missing = await inProcess(cdsFeedback, ['--file', 'none.jsonl'], { cwd: dir });
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'cds-feedback: cannot read none.jsonl: ENOENT\n' });
  });
});
