/**
 * Patients from a search Bundle, as the standalone picker lists them: name, birth date and id as plain text.
 * Entries that are not Patients (included resources, OperationOutcomes) are ignored.
 */

export interface PatientChoice {
  id: string;
  name: string;
  birthDate?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function displayName(names: unknown): string {
  if (!Array.isArray(names)) return '(no name)';
  const list = names.filter(isObject);
  const official = list.find((n) => n.use === 'official') ?? list.find((n) => n.use !== 'old') ?? list[0];
  if (!official) return '(no name)';
  if (typeof official.text === 'string' && official.text.trim()) return official.text.trim();
  const given = Array.isArray(official.given) ? official.given.filter((g): g is string => typeof g === 'string') : [];
  const family = typeof official.family === 'string' ? official.family : '';
  return [...given, family].join(' ').trim() || '(no name)';
}

/** The Patients of a searchset Bundle, in server order. */
export function patientChoices(bundle: unknown): PatientChoice[] {
  if (!isObject(bundle) || !Array.isArray(bundle.entry)) return [];
  const out: PatientChoice[] = [];
  for (const entry of bundle.entry.filter(isObject)) {
    const r = entry.resource;
    if (!isObject(r) || r.resourceType !== 'Patient' || typeof r.id !== 'string') continue;
    out.push({
      id: r.id,
      name: displayName(r.name),
      ...(typeof r.birthDate === 'string' ? { birthDate: r.birthDate } : {}),
    });
  }
  return out;
}

/** Whether the Bundle says there are more matches than it holds (a next link). */
export function hasMoreResults(bundle: unknown): boolean {
  return (
    isObject(bundle) && Array.isArray(bundle.link) && bundle.link.filter(isObject).some((l) => l.relation === 'next')
  );
}
