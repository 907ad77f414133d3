import { describe, expect, it } from 'vitest';
import { evaluateServer } from '../../../src/core/server/evaluate.ts';
import { formatServerReport } from '../../../src/core/server/format.ts';
import type { ServerReport } from '../../../src/core/server/types.ts';
import { ALL_SMART_CAPABILITIES, httpError, openProbe, smartProbe } from './server-fixtures.ts';

const statusOf = (r: ServerReport, id: string) => r.items.find((i) => i.id === id)?.status;
const reasonOf = (r: ServerReport, id: string) => r.items.find((i) => i.id === id)?.reason ?? '';

describe('evaluateServer', () => {
  it('a SMART R4 server offering everything is fully usable, every item ok except open read (and the open identifier probe)', () => {
    const r = evaluateServer(smartProbe());
    expect(r.verdict).toBe('full');
    expect(r.items.filter((i) => i.status !== 'ok').map((i) => i.id)).toEqual(['open-read', 'identifier-search']);
    expect(r.smart).toBe(true);
    expect(r.notes).toEqual([]);
  });

  it('batch reads: recommended where declared or answered, not where undeclared or refused', () => {
    expect(statusOf(evaluateServer(smartProbe()), 'batch')).toBe('ok');
    expect(reasonOf(evaluateServer(smartProbe()), 'batch')).toMatch(/"reads": "batch"/);
    const undeclared = evaluateServer(smartProbe({ withoutBatch: true }));
    expect(statusOf(undeclared, 'batch')).toBe('missing');
    expect(reasonOf(undeclared, 'batch')).toMatch(/"reads": "parallel"/);
    // On an open server the probe decides: an answered batch counts even undeclared, a refused one even declared.
    const answered = openProbe({ withoutBatch: true });
    answered.batchProbe = { kind: 'json', status: 200, json: { resourceType: 'Bundle', type: 'batch-response' } };
    expect(statusOf(evaluateServer(answered), 'batch')).toBe('ok');
    const refused = openProbe();
    refused.batchProbe = httpError(405, 'Method Not Allowed');
    expect(statusOf(evaluateServer(refused), 'batch')).toBe('missing');
    expect(reasonOf(evaluateServer(refused), 'batch')).toMatch(/405/);
    // The verdict does not depend on it.
    expect(undeclared.verdict).toBe('full');
  });

  it('an open server with everything is full through open reads, SMART items missing', () => {
    const r = evaluateServer(openProbe());
    expect(r.verdict).toBe('full');
    expect(r.openRead).toBe(true);
    expect(statusOf(r, 'smart-discovery')).toBe('missing');
    expect(reasonOf(r, 'smart-discovery')).toMatch(/404/);
    expect(statusOf(r, 'launch-ehr')).toBe('missing');
  });

  it('no SMART and no open read: not usable', () => {
    const probe = openProbe();
    probe.openRead = httpError(401, 'Unauthorized');
    const r = evaluateServer(probe);
    expect(r.verdict).toBe('not usable');
    expect(r.verdictReason).toMatch(/neither a SMART launch nor open reads/);
  });

  it('an STU3 server is not usable', () => {
    const r = evaluateServer(smartProbe({ fhirVersion: '3.0.2' }));
    expect(statusOf(r, 'fhir-version')).toBe('fails');
    expect(r.verdict).toBe('not usable');
    expect(r.verdictReason).toMatch(/3\.0\.2/);
  });

  it('an XML-only server is not usable', () => {
    const r = evaluateServer(smartProbe({ formats: ['application/fhir+xml', 'xml'] }));
    expect(statusOf(r, 'formats')).toBe('fails');
    expect(r.verdict).toBe('not usable');
  });

  it('metadata unreachable: one failing item and not usable, with the fetch problem as reason', () => {
    const probe = smartProbe();
    probe.metadata = { kind: 'error', failure: { what: 'timeout' }, network: true };
    const r = evaluateServer(probe);
    expect(r.verdict).toBe('not usable');
    expect(statusOf(r, 'metadata')).toBe('fails');
    expect(r.verdictReason).toBe('metadata: timed out (no answer within the timeout)');
  });

  it('metadata that is JSON but not a CapabilityStatement is refused', () => {
    const probe = smartProbe();
    probe.metadata = { kind: 'json', status: 200, json: { resourceType: 'Bundle' } };
    expect(evaluateServer(probe).verdictReason).toBe('metadata is not a CapabilityStatement');
  });

  it('no MedicationRequest create: read-only', () => {
    const r = evaluateServer(smartProbe({ withoutCreate: ['MedicationRequest'] }));
    expect(statusOf(r, 'create-MedicationRequest')).toBe('missing');
    expect(r.verdict).toBe('read-only');
  });

  it('no DetectedIssue create: full (the order is written, overrides go into its note), never "read-only"', () => {
    const r = evaluateServer(smartProbe({ withoutCreate: ['DetectedIssue'] }));
    expect(statusOf(r, 'create-DetectedIssue')).toBe('missing');
    expect(reasonOf(r, 'create-DetectedIssue')).toBe(
      "create not declared: conflicts the clinician overrode are recorded in the order's note instead",
    );
    expect(r.verdict).toBe('full');
    expect(r.verdictReason).toMatch(/writes the order; DetectedIssue create is not declared/);
    expect(r.verdictReason).not.toMatch(/read-only|no order/);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain("conflicts the clinician overrode are recorded in the order's note only");
    expect(r.notes[0]).toContain('"writeDetectedIssue": "off" (or "fallback")');
    // A complete server has no such note, and its verdict reason names the overridden conflicts as written.
    expect(evaluateServer(smartProbe()).verdictReason).toBe(
      'reads the chart and writes the order and overridden conflicts',
    );
  });

  it('no MedicationRequest create either: read-only, without the DetectedIssue note (nothing is ordered there)', () => {
    const r = evaluateServer(smartProbe({ withoutCreate: ['MedicationRequest', 'DetectedIssue'] }));
    expect(r.verdict).toBe('read-only');
    expect(r.notes).toEqual([]);
  });

  it('Oracle Health without DetectedIssue create: reported-only order, with the note', () => {
    const r = evaluateServer(smartProbe({ software: 'Cerner Millennium', withoutCreate: ['DetectedIssue'] }));
    expect(r.verdict).toBe('reported-only order');
    expect(r.notes.join(' ')).toContain('writeDetectedIssue');
  });

  it('an Oracle Health (Cerner) server: reported-only order', () => {
    expect(evaluateServer(smartProbe({ software: 'Cerner Millennium' })).verdict).toBe('reported-only order');
    expect(
      evaluateServer(smartProbe({ medicationRequestDocumentation: 'Only reported medications (reportedBoolean true)' }))
        .verdict,
    ).toBe('reported-only order');
  });

  it.each(['Patient', 'Condition', 'MedicationRequest'])('without %s the chart cannot be read: not usable', (type) => {
    const r = evaluateServer(smartProbe({ without: [type] }));
    expect(statusOf(r, `resource-${type}`)).toBe('missing');
    expect(r.verdict).toBe('not usable');
    expect(r.verdictReason).toContain(type);
  });

  it.each([
    'MedicationStatement',
    'MedicationDispense',
    'MedicationAdministration',
    'Medication',
    'AllergyIntolerance',
    'ServiceRequest',
    'Procedure',
    'Appointment',
  ])('without %s the verdict stands with a note that assessments are incomplete', (type) => {
    const r = evaluateServer(smartProbe({ without: [type] }));
    expect(statusOf(r, `resource-${type}`)).toBe('missing');
    expect(r.verdict).toBe('full');
    expect(r.notes.join(' ')).toContain(`${type} cannot be searched`);
  });

  it('a listed resource lacking a search parameter fails with the parameter named', () => {
    const r = evaluateServer(smartProbe({ withoutParams: ['MedicationRequest.status'] }));
    expect(statusOf(r, 'resource-MedicationRequest')).toBe('fails');
    expect(reasonOf(r, 'resource-MedicationRequest')).toBe('MedicationRequest listed without parameter status');
    expect(r.verdict).toBe('not usable');
  });

  it('Patient without name search fails (the picker searches by name)', () => {
    const r = evaluateServer(smartProbe({ withoutParams: ['Patient.name'] }));
    expect(reasonOf(r, 'resource-Patient')).toMatch(/parameter name/);
  });

  it('_include, _count and conditional create missing are reported but keep the verdict', () => {
    const r = evaluateServer(smartProbe({ withoutInclude: true, withoutCount: true, conditionalCreate: false }));
    expect(statusOf(r, 'include')).toBe('missing');
    expect(statusOf(r, 'paging')).toBe('missing');
    expect(statusOf(r, 'conditional-create')).toBe('missing');
    expect(r.verdict).toBe('full');
  });

  it('paging is ok when _count is not declared but a search returned a next link', () => {
    const probe = openProbe({ withoutCount: true });
    probe.openRead = {
      kind: 'json',
      status: 200,
      json: { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'n' }] },
    };
    expect(statusOf(evaluateServer(probe), 'paging')).toBe('ok');
  });

  describe('PKCE', () => {
    it('plain offered alongside S256 fails', () => {
      const r = evaluateServer(smartProbe({}, { codeChallengeMethods: ['S256', 'plain'] }));
      expect(statusOf(r, 'pkce-s256')).toBe('fails');
      expect(reasonOf(r, 'pkce-s256')).toMatch(/plain/);
    });
    it('not declared is missing', () => {
      expect(statusOf(evaluateServer(smartProbe({}, { codeChallengeMethods: null })), 'pkce-s256')).toBe('missing');
    });
    it('only another method fails', () => {
      expect(statusOf(evaluateServer(smartProbe({}, { codeChallengeMethods: ['S512'] })), 'pkce-s256')).toBe('fails');
    });
  });

  it('scope versions: v1 only is ok and named; neither is missing', () => {
    const v1 = evaluateServer(
      smartProbe({}, { capabilities: ALL_SMART_CAPABILITIES.filter((c) => c !== 'permission-v2') }),
    );
    expect(reasonOf(v1, 'scope-versions')).toBe('declares v1');
    const none = evaluateServer(smartProbe({}, { capabilities: ['launch-ehr'] }));
    expect(statusOf(none, 'scope-versions')).toBe('missing');
  });

  it('SMART without any launch capability and no open read is not usable', () => {
    const r = evaluateServer(smartProbe({}, { capabilities: ['client-public', 'permission-v2'] }));
    expect(statusOf(r, 'launch-ehr')).toBe('missing');
    expect(statusOf(r, 'launch-standalone')).toBe('missing');
    expect(r.verdict).toBe('not usable');
  });

  it('a smart-configuration without token endpoint fails as "not a SMART configuration"', () => {
    const probe = smartProbe();
    probe.smartConfiguration = { kind: 'json', status: 200, json: { hello: 'world' } };
    const r = evaluateServer(probe);
    expect(statusOf(r, 'smart-discovery')).toBe('fails');
    expect(r.smart).toBe(false);
  });

  it('formats the report as one line per item and a verdict line', () => {
    const lines = formatServerReport(evaluateServer(smartProbe({ withoutInclude: true })));
    expect(lines[0]).toBe('Server: https://ehr.example.org/fhir');
    expect(lines).toContain(
      '  missing  _include MedicationRequest:medication: not declared: referenced Medications are read one by one',
    );
    expect(lines.at(-1)).toMatch(/^Verdict: full \(/);
  });
});
