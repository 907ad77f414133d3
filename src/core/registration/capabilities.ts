/**
 * The SMART capabilities the app relies on (SMART App Launch 2.2, "Capabilities"), with why, for the registration
 * page and for comparing with a server's `.well-known/smart-configuration` in check-server.
 */

export interface CapabilityUse {
  capability: string;
  why: string;
  /** Whether the app cannot work (in that launch mode) without it; optional ones only improve the experience. */
  required: boolean;
}

/** Every capability the app uses, in the order an admin reads them. */
export const SMART_CAPABILITIES_USED: readonly CapabilityUse[] = [
  { capability: 'launch-ehr', why: 'launched from the patient chart (EHR launch)', required: true },
  { capability: 'launch-standalone', why: 'testers start the app outside the EHR and pick a patient', required: false },
  {
    capability: 'client-public',
    why: 'a browser app holds no secret; it authenticates with PKCE only',
    required: true,
  },
  { capability: 'context-ehr-patient', why: 'the EHR passes the patient whose chart is open', required: true },
  {
    capability: 'context-standalone-patient',
    why: 'in standalone launch the server asks which patient',
    required: false,
  },
  {
    capability: 'context-banner',
    why: "hides the app's own patient banner when the EHR already shows one",
    required: false,
  },
  { capability: 'context-style', why: "follows the EHR's colours and fonts (smart_style_url)", required: false },
  {
    capability: 'permission-patient',
    why: "patient/ scopes: reads and writes only this patient's records",
    required: true,
  },
  { capability: 'permission-v1', why: 'v1 scopes (.read/.write) for servers that only know SMART v1', required: false },
  { capability: 'permission-v2', why: 'v2 scopes (.rs/.c) for SMART v2 servers', required: false },
  {
    capability: 'sso-openid-connect',
    why: "openid fhirUser: the signed-in clinician becomes the order's requester",
    required: false,
  },
];
