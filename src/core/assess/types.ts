/**
 * The assessment's result: the contract between the clinical core, the UI and the `assess` command.
 * The rule engine (src/core/rules, src/core/assess/assess.ts) produces it; nothing else may.
 */
import type { ReadGap } from '../chart.ts';

export type Verdict =
  | 'candidate'
  | 'candidate-with-cautions'
  | 'not-recommended' // contraindicated now
  | 'no-indication'
  | 'incomplete'; // some read behind the answer failed, was refused or was truncated

export type Severity = 'contraindicated' | 'major' | 'caution' | 'info';

/** Where a rule comes from. `verified: false` marks what shared/research/ldn-clinical.md calls UNVERIFIED. */
export interface Source {
  /** Short label shown in the UI, e.g. "Naltrexone tablets label, Contraindications (DailyMed 2025)". */
  label: string;
  kind: 'label' | 'pmid' | 'doi' | 'trial' | 'review' | 'web' | 'design';
  /** PMID, DOI, NCT number, or label section. */
  id?: string;
  url?: string;
  verified: boolean;
}

/** The chart entry a finding came from, enough to show and to reference it. */
export interface ChartEntry {
  resourceType: string;
  id?: string;
  /** "MedicationRequest/123", when the resource has an id. */
  reference?: string;
  /** The name as charted (code display or text). Rendered as text, never as HTML. */
  name: string;
  status?: string;
  /** The dates that mattered, ISO 8601, e.g. authoredOn, effective period, last dispense. */
  dates?: { label: string; value: string }[];
}

/** What matched: a code (system + code) or a name found in display/text. */
export interface MatchEvidence {
  by: 'code' | 'name';
  system?: string;
  code?: string;
  /** The ingredient, brand or condition term that matched, e.g. "oxycodone", "Contrave", "M79.7". */
  term: string;
  /** Where in the resource, e.g. "medicationCodeableConcept.coding[0]" or "contained Medication ingredient". */
  where?: string;
}

export interface Candidacy {
  indicationId: string;
  indication: string;
  evidenceLevel: string;
  evidence: string;
  sources: Source[];
  /** The first Condition (chart order) that names the indication; `matched` is its evidence. */
  condition: ChartEntry;
  matched: MatchEvidence;
  /**
   * Every Condition behind the indication, `condition` first, when there is more than one (one Candidacy per
   * indication, issue 14 item 1). Absent means just `condition`.
   */
  conditions?: ChartEntry[];
  /**
   * Optional (added by the clinical core): false when the indication has no supportive evidence
   * (Hashimoto's, SIBO): listed for the clinician, but not enough on its own for a "candidate" verdict.
   */
  supportsCandidacy?: boolean;
}

export interface WashoutWindow {
  /** Date of last known use (ISO date). */
  lastUse: string;
  /** Which date was used and why, e.g. "end of effectivePeriod", "last dispense + 30 days supply". */
  lastUseBasis: string;
  days: number;
  /** First day the opioid-free window is complete (ISO date). */
  endsOn: string;
  /** Why this many days, with source. */
  rationale: string;
}

/**
 * What a finding is about, from the rule's metadata (never guessed from titles): the timeline draws opioid and
 * antagonist courses, the override policy and the CDS cards read it.
 */
export type FindingKind =
  | 'opioid' // an opioid agonist, partial or mixed agonist, current or inside its window (incl. depots, kratom)
  | 'opioid-exposure' // evidence of recent opioid exposure outside the medication list (poisoning, naloxone given, withdrawal)
  | 'antagonist' // another opioid antagonist (naltrexone, nalmefene, samidorphan), or LDN already charted
  | 'opioid-acting' // drugs acting on opioid receptors that are not the above (antidiarrheals, peripheral antagonists)
  | 'allergy'
  | 'condition'
  | 'procedure'
  | 'interaction';

export interface Conflict {
  ruleId: string;
  /** From the rule's metadata. */
  kind?: FindingKind;
  /** True when the clinician must record a reason to override it before signing (the rule's policy, in the core). */
  needsOverride?: boolean;
  severity: Severity;
  title: string;
  why: string;
  sources: Source[];
  /** The chart entry that decided (for a drug course: the record with the latest date). */
  entry: ChartEntry;
  /**
   * Every chart record behind the finding: for a drug course, all its orders, dispenses, statements and
   * administrations (one finding per course, issue 9 item 4). Absent means just `entry`.
   */
  entries?: ChartEntry[];
  matched: MatchEvidence;
  washout?: WashoutWindow;
}

export interface Assessment {
  verdict: Verdict;
  /** The verdict the findings alone would give; differs from `verdict` only when incomplete. */
  verdictIfComplete: Exclude<Verdict, 'incomplete'>;
  /** One sentence for the top of the screen. */
  summary: string;
  complete: boolean;
  gaps: ReadGap[];
  candidacy: Candidacy[];
  /** Sorted by severity (contraindicated first). */
  conflicts: Conflict[];
  /** The `now` the assessment was made at (ISO). */
  assessedAt: string;
  /**
   * The first day LDN may start as far as the opioid-free windows go (ISO date): the day after the latest window
   * ends. Absent when no finding has a window that is still running.
   */
  opioidFreeFrom?: string;
  /** Kinds of data that were not part of the chart given (e.g. no AllergyIntolerance at all): "not checked". */
  notChecked?: string[];
}
