/** Public surface of the server-check core. */
export { bundleLinks, readCapabilityStatement, readSmartConfiguration } from './capability.ts';
export { evaluateServer } from './evaluate.ts';
export { formatServerReport } from './format.ts';
export {
  identifierProbePath,
  identifierSearchVerdict,
  PROBE_IDENTIFIER,
  type IdentifierSearchVerdict,
} from './identifier-search.ts';
export { CREATE_NEEDS, RESOURCE_NEEDS, type ResourceNeed } from './needs.ts';
export type { CheckItem, CheckStatus, Fetched, ServerProbe, ServerReport, ServerVerdict } from './types.ts';
