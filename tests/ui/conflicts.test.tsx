// @vitest-environment happy-dom
/**
 * Conflicts: grouped contraindicated -> major -> caution -> info, each with its chart entry, what matched, why,
 * its sources (links where a URL exists, "unverified" marked) and the washout end for recent opioid use.
 * Candidacy: each matching condition with evidence level and citation.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conflict, Severity } from '../../src/core/assess/types.ts';
import { ConflictList } from '../../src/ui/components/ConflictList.tsx';
import { formatDate } from '../../src/ui/format.ts';
import { S, SEVERITY_WORDS } from '../../src/ui/strings.ts';
import { chartOf, fakes, fibromyalgia, recentOxycodone, renderScreen } from './support/screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function conflict(severity: Severity, title: string, extra: Partial<Conflict> = {}): Conflict {
  return {
    ruleId: `rule-${title}`,
    severity,
    title,
    why: `why ${title}`,
    sources: [{ label: `source ${title}`, kind: 'web', verified: true }],
    entry: {
      resourceType: 'MedicationRequest',
      name: `entry ${title}`,
      status: 'active',
      dates: [{ label: 'authoredOn', value: '2026-11-01' }],
    },
    matched: { by: 'name', term: title },
    ...extra,
  };
}

describe('conflict list', () => {
  it('groups by severity in clinical order whatever order they arrive in', () => {
    render(
      <ConflictList
        complete
        conflicts={[
          conflict('info', 'd'),
          conflict('caution', 'c'),
          conflict('contraindicated', 'a'),
          conflict('major', 'b'),
          conflict('caution', 'c2'),
        ]}
      />,
    );
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual([
      `${SEVERITY_WORDS.contraindicated} (1)`,
      `${SEVERITY_WORDS.major} (1)`,
      `${SEVERITY_WORDS.caution} (2)`,
      `${SEVERITY_WORDS.info} (1)`,
    ]);
  });

  it('links sources with a web URL, keeps the others as text and marks unverified ones', () => {
    render(
      <ConflictList
        complete
        conflicts={[
          conflict('major', 'x', {
            sources: [
              {
                label: 'Younger 2013',
                kind: 'pmid',
                id: '23359310',
                url: 'https://pubmed.ncbi.nlm.nih.gov/23359310/',
                verified: true,
              },
              { label: 'Label section', kind: 'label', id: 'Contraindications', verified: true },
              { label: 'Forum post', kind: 'web', url: 'javascript:alert(1)', verified: false },
            ],
          }),
        ]}
      />,
    );
    const link = screen.getByRole('link', { name: /Younger 2013/ });
    expect(link.getAttribute('href')).toBe('https://pubmed.ncbi.nlm.nih.gov/23359310/');
    expect(screen.getByText(/Label section \(Contraindications\)/).tagName).toBe('LI');
    // A non-web URL is never made a link.
    expect(screen.queryByRole('link', { name: /Forum post/ })).toBeNull();
    const forum = screen.getByText(/Forum post/).closest('li');
    expect(forum?.textContent).toContain(S.unverified);
    expect(screen.getByText(/Younger 2013/).closest('li')?.textContent).not.toContain(S.unverified);
  });

  it('shows the chart entry, what matched, why and the washout end for recent opioid use (real assessment)', async () => {
    renderScreen(
      fakes({ charts: [chartOf({ conditions: [fibromyalgia()], medicationStatements: [recentOxycodone()] })] }),
    );
    const section = (await screen.findByRole('heading', { name: S.conflictsHeading })).closest(
      'section',
    ) as HTMLElement;
    const card = within(section)
      .getByText(/Recent opioid use/)
      .closest('li') as HTMLElement;
    expect(card.textContent).toContain('oxycodone');
    expect(card.textContent).toContain('completed');
    expect(card.textContent).toContain(formatDate('2026-11-20'));
    expect(card.textContent).toContain('RxNorm 7804 (Oxycodone)');
    expect(card.textContent).toContain(S.washoutEnds(formatDate('2026-11-30')));
  });

  it('speaks clinical language: no element names or system URIs outside the technical details, one date format', async () => {
    renderScreen(
      fakes({ charts: [chartOf({ conditions: [fibromyalgia()], medicationStatements: [recentOxycodone()] })] }),
    );
    const main = (await screen.findByRole('heading', { name: S.conflictsHeading })).closest('main') as HTMLElement;
    const visible = (root: HTMLElement) => {
      const copy = root.cloneNode(true) as HTMLElement;
      for (const d of copy.querySelectorAll('details.tech, details.json, .visually-hidden, svg title')) d.remove();
      return copy.textContent ?? '';
    };
    const text = visible(main);
    expect(text).not.toMatch(
      /effectivePeriod|effectiveDateTime|authoredOn|onsetDateTime|dispenseRequest|validityPeriod|MedicationStatement|MedicationRequest/,
    );
    expect(text).not.toMatch(/https?:\/\/(?:snomed|www\.nlm|hl7\.org)|urn:oid/);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).not.toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/);
    expect(text).not.toMatch(/not-recommended|candidate-with-cautions|no-indication/);
    // The technical form is one toggle away.
    const tech = main.querySelector('details.tech') as HTMLElement;
    expect(tech.textContent).toContain('http://www.nlm.nih.gov/research/umls/rxnorm');
    expect(tech.textContent).toContain('MedicationStatement/ms-oxy');
  });

  it('shows the records of a drug course compactly, cites no internal file, and links a report with ids only', () => {
    const meta = document.createElement('meta');
    meta.name = 'ldn-report-finding';
    meta.content = 'mailto:feedback@example.org';
    document.head.append(meta);
    try {
      const course = conflict('major', 'Course', {
        ruleId: 'recent-opioid-use',
        entry: {
          resourceType: 'MedicationDispense',
          reference: 'MedicationDispense/d2',
          name: 'Oxycodone 5 MG Oral Tablet',
          status: 'completed',
          dates: [{ label: 'whenHandedOver', value: '2026-11-10' }],
        },
        entries: [
          {
            resourceType: 'MedicationDispense',
            reference: 'MedicationDispense/d2',
            name: 'Oxycodone 5 MG Oral Tablet',
            dates: [{ label: 'whenHandedOver', value: '2026-11-10' }],
          },
          {
            resourceType: 'MedicationRequest',
            reference: 'MedicationRequest/r1',
            name: 'Oxycodone 5 MG Oral Tablet',
            status: 'stopped',
            dates: [{ label: 'authoredOn', value: '2026-11-01' }],
          },
        ],
        sources: [
          { label: 'LDN Research Trust: up to 10 mg (ldn-clinical.md section 4)', kind: 'web', verified: true },
        ],
        matched: { by: 'code', system: 'http://snomed.info/sct', code: '72892002', term: '72892002' },
      });
      render(<ConflictList conflicts={[course]} complete />);
      const card = screen.getByText('Course').closest('li') as HTMLElement;
      expect(card.textContent).toContain('2 records in the chart');
      expect(card.textContent).toContain('Oxycodone 5 MG Oral Tablet — medication order, stopped — ordered 1 Nov 2026');
      expect(card.textContent).toContain('pharmacy dispense, completed — dispensed 10 Nov 2026');
      // The code once, with the concept's name, not "code 72892002 ... for 72892002".
      expect(card.textContent).toContain('SNOMED CT 72892002 (Course)');
      expect(card.textContent).not.toContain('.md');
      expect(card.textContent).toContain('LDN Research Trust: up to 10 mg');
      const report = within(card).getByRole('link', { name: S.reportWrong });
      const href = decodeURIComponent(report.getAttribute('href') ?? '');
      expect(href.startsWith('mailto:feedback@example.org?subject=')).toBe(true);
      expect(href).toContain('Rule: recent-opioid-use');
      expect(href).toContain('Chart entry: MedicationDispense/d2');
      expect(href).not.toMatch(/Oxycodone|2026/);
    } finally {
      meta.remove();
    }
  });
});

describe('candidacy', () => {
  it('shows each matching condition with its evidence level and linked citations', async () => {
    renderScreen(fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] }));
    const section = (await screen.findByRole('heading', { name: S.candidacyHeading })).closest(
      'section',
    ) as HTMLElement;
    expect(within(section).getByRole('heading', { name: 'Fibromyalgia' })).toBeTruthy();
    expect(section.textContent).toContain('Small RCTs');
    expect(
      within(section)
        .getAllByRole('link')
        .some((a) => a.getAttribute('href')?.startsWith('https://pubmed.ncbi.nlm.nih.gov/')),
    ).toBe(true);
  });
});
