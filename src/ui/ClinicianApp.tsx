/**
 * The clinician's app, rendered by the app page (src/entry/app.tsx) after the SMART launch.
 */
import { useMemo } from 'preact/hooks';
import type { FhirHttp, LaunchContext } from '../edge/types.ts';
import { ClinicianScreen } from './ClinicianScreen.tsx';
import { realServices } from './real-services.ts';

export interface ClinicianAppProps {
  context: LaunchContext;
  http: FhirHttp;
}

export function ClinicianApp({ context, http }: ClinicianAppProps) {
  const services = useMemo(realServices, []);
  return <ClinicianScreen context={context} http={http} services={services} />;
}
