// @vitest-environment happy-dom
/**
 * The launch and failure pages (src/ui/pages): each says what happened and what to do, marks itself ready for the
 * browser tests, and renders anything that came from a URL or a server as text, never as markup.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_FAILURE_TEXTS, type AppPageFailureKind } from '../../../src/ui/pages/app-failure-texts.ts';
import { parseAllowList } from '../../../src/core/smart/allow-list.ts';
import { ConfigErrorPage } from '../../../src/ui/pages/ConfigErrorPage.tsx';
import { FailurePage } from '../../../src/ui/pages/FailurePage.tsx';
import { LAUNCH_FAILURE_TEXTS } from '../../../src/ui/pages/launch-failure-texts.ts';
import { LoadingPage } from '../../../src/ui/pages/LoadingPage.tsx';
import { UnknownIssuerPage } from '../../../src/ui/pages/UnknownIssuerPage.tsx';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

describe('failure pages', () => {
  it.each(Object.keys(APP_FAILURE_TEXTS) as AppPageFailureKind[])('%s: heading, what happened, what to do', (kind) => {
    const text = APP_FAILURE_TEXTS[kind];
    const { container } = render(<FailurePage kind={kind} text={text} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(text.title);
    expect(container.textContent).toContain(text.what);
    expect(container.textContent).toContain(text.todo);
    expect(container.querySelector('main')?.getAttribute('data-app-ready')).toBe(`failure:${kind}`);
  });

  it('every launch-page failure has a distinct title and a what-to-do', () => {
    const texts = Object.values(LAUNCH_FAILURE_TEXTS);
    expect(new Set(texts.map((t) => t.title)).size).toBe(texts.length);
    for (const t of texts) expect(t.todo.length).toBeGreaterThan(20);
  });

  it('invalid_request: its own text, with the server’s description on the page (not only in the details), as text', () => {
    const { container } = render(
      <FailurePage
        kind="invalid-request"
        text={APP_FAILURE_TEXTS['invalid-request']}
        failure={{ params: { error: 'invalid_request', technical: `Invalid launch options ${HOSTILE}` } }}
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'What the EHR said' })).toBeTruthy();
    expect(container.querySelector('.launch-page__server-says')?.textContent).toBe(`Invalid launch options ${HOSTILE}`);
    expect(container.querySelector('.launch-page__server-says')?.closest('details')).toBeNull();
    expect(container.querySelector('img, script')).toBeNull();
    expect(APP_FAILURE_TEXTS['invalid-request'].what).not.toMatch(/often because/);
    expect(APP_FAILURE_TEXTS['invalid-request'].todo).toContain('Invalid launch options');
  });

  it('shows the server’s error code and description as text only', () => {
    const { container } = render(
      <FailurePage
        kind="invalid-scope"
        text={APP_FAILURE_TEXTS['invalid-scope']}
        failure={{ params: { error: 'invalid_scope', technical: HOSTILE } }}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
    expect(container.textContent).toContain('invalid_scope');
  });

  it('shows no details block when the server said nothing', () => {
    const { container } = render(<FailurePage kind="opened-directly" text={APP_FAILURE_TEXTS['opened-directly']} />);
    expect(container.querySelector('details')).toBeNull();
  });
});

describe('unknown issuer page', () => {
  it('names the iss (as text) and tells the admin both ways to add it', () => {
    const iss = `https://evil.example/fhir?x=${HOSTILE}`;
    const { container } = render(<UnknownIssuerPage iss={iss} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(iss);
    expect(container.textContent).toContain('smart-clients.json');
    expect(container.textContent).toContain(`npm run clients -- add --name "<EHR name>" --iss ${iss}`);
    expect(container.querySelector('main')?.getAttribute('data-app-ready')).toBe('unknown-issuer');
  });
});

describe('configuration error page', () => {
  it('lists every problem with its file and field', () => {
    const parsed = parseAllowList(
      { clients: [{ name: 'EHR', iss: 'https://ehr.example.org/fhir', scopeVersion: 'v2' }], standalone: {} },
      'smart-clients.json',
    );
    if (parsed.ok) throw new Error('expected an invalid allow-list');
    render(<ConfigErrorPage file="smart-clients.json" errors={parsed.error} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'smart-clients.json: clients[0].clientId must be a non-empty string',
      'smart-clients.json: standalone.enabled must be true or false',
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/allowed EHRs has errors/);
  });
});

describe('loading page', () => {
  it('announces progress politely and is not a final page', () => {
    const { container } = render(<LoadingPage message="Signing in to the EHR…" />);
    expect(screen.getByRole('status').textContent).toBe('Signing in to the EHR…');
    expect(container.querySelector('[data-app-ready]')).toBeNull();
  });
});
