/** Reading untrusted FHIR into what the rules need: bundles, dates, code systems. */
export { bundleToChart } from './bundle-to-chart.ts';
export { knownSystem, normaliseIcd10, type KnownSystem } from './systems.ts';
export { dayOf, isoDay } from './dates.ts';
