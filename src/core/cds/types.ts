/**
 * CDS Hooks 2.0 shapes the card rules produce (HL7 CDS Hooks 2.0, "CDS Service Response"): cards with a summary
 * under 140 characters, markdown detail, an indicator, a source, suggestions with FHIR actions, override reasons as
 * Codings and links (absolute or smart). Only what this service sends is typed; requests are read leniently.
 */
import type { Coding, Resource } from 'fhir/r4';
import type { Chart } from '../chart.ts';

export type CdsIndicator = 'info' | 'warning' | 'critical';

export interface CdsSource {
  label: string;
  /** A public page about the source (DailyMed label, PubMed, DOI). */
  url?: string;
  topic?: Coding;
}

export interface CdsAction {
  type: 'create' | 'update' | 'delete';
  description: string;
  resource?: Resource;
  resourceId?: string;
}

export interface CdsSuggestion {
  label: string;
  uuid: string;
  isRecommended?: boolean;
  actions: CdsAction[];
}

export interface CdsLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
  appContext?: string;
}

export interface CdsCard {
  uuid: string;
  summary: string;
  detail: string;
  indicator: CdsIndicator;
  source: CdsSource;
  suggestions?: CdsSuggestion[];
  /** Required by the spec whenever suggestions are given. */
  selectionBehavior?: 'at-most-one' | 'any';
  overrideReasons?: Coding[];
  links?: CdsLink[];
}

export interface CdsResponse {
  cards: CdsCard[];
}

/** The hooks this service answers. */
export type CdsHook = 'order-select' | 'order-sign' | 'patient-view';

/** What the card rules need from one hook call; everything from the EHR is `unknown` until read. */
export interface CardInput {
  hook: CdsHook;
  /** The hook's `context` as sent (draftOrders, selections, medications of CDS Hooks 1.0, patientId). */
  context: unknown;
  /** The chart as read from prefetch and the fhirServer fallback, with its gaps. */
  chart: Chart;
  now: Date | string;
  /** A fresh uuid per call (the core has no crypto). */
  newId: () => string;
  /** The SMART launch URL of the LDN app, for `smart` links; no link without it. */
  appLaunchUrl?: string;
}
