import { describe, expect, it } from 'vitest';
import { allowListOrigins, cspForAllowList } from '../../../src/core/registration/csp.ts';
import type { AllowList } from '../../../src/core/smart/allow-list.ts';

const list = (over: Partial<AllowList['standalone']> = {}): AllowList => ({
  clients: [
    { name: 'Epic', iss: 'https://fhir.epic.example/api/FHIR/R4', clientId: 'a', scopeVersion: 'v2' },
    { name: 'Epic again', iss: 'https://fhir.epic.example/other/R4', clientId: 'b', scopeVersion: 'v2' },
    { name: 'Tenants', issPrefix: 'https://fhir-ehr.cerner.example/r4/', clientId: 'c', scopeVersion: 'v1' },
  ],
  standalone: {
    enabled: true,
    openServers: [{ name: 'HAPI', fhirServiceUrl: 'https://hapi.example.org/baseR4' }],
    allowTypedOpenServer: false,
    ...over,
  },
});

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('cspForAllowList', () => {
  it('connect-src lists each server origin once, after self', () => {
    expect(allowListOrigins(list())).toEqual([
      'https://fhir-ehr.cerner.example',
      'https://fhir.epic.example',
      'https://hapi.example.org',
    ]);
    expect(directive(cspForAllowList(list()), 'connect-src')).toBe(
      "connect-src 'self' https://fhir-ehr.cerner.example https://fhir.epic.example https://hapi.example.org",
    );
  });

  it('no inline scripts or styles, no plugins, frames only from self unless given', () => {
    const policy = cspForAllowList(list());
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive(cspForAllowList(list(), { frameAncestors: ['https://ehr.example.org'] }), 'frame-ancestors')).toBe(
      "frame-ancestors 'self' https://ehr.example.org",
    );
  });

  it('adds token endpoint origins on other hosts', () => {
    expect(
      directive(cspForAllowList(list(), { extraConnect: ['https://authorization.cerner.example'] }), 'connect-src'),
    ).toContain('https://authorization.cerner.example');
  });

  it('typed open servers widen connect-src to https:, open servers drop out when standalone is off', () => {
    expect(directive(cspForAllowList(list({ allowTypedOpenServer: true })), 'connect-src')?.endsWith(' https:')).toBe(
      true,
    );
    expect(directive(cspForAllowList(list({ enabled: false, allowTypedOpenServer: true })), 'connect-src')).toBe(
      "connect-src 'self' https://fhir-ehr.cerner.example https://fhir.epic.example",
    );
  });
});
