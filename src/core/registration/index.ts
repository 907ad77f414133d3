/** Public surface of the registration core. */
export { appBaseFromPageUrl, normaliseAppBaseUrl } from './base-url.ts';
export {
  addClient,
  emptyAllowListJson,
  formatAllowList,
  readAllowListText,
  removeClient,
  type NewClient,
} from './clients-file.ts';
export { allowListOrigins, cspForAllowList, type CspOptions } from './csp.ts';
export { SMART_CAPABILITIES_USED, type CapabilityUse } from './capabilities.ts';
export { formatRegistrationText } from './format.ts';
export {
  buildRegistration,
  CLIENT_NAME,
  SOFTWARE_ID,
  type ClientMetadata,
  type Registration,
  type RegistrationInput,
} from './registration.ts';
