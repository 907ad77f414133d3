/** Resolves a path against a FHIR base URL: absolute http(s) URLs pass through, relative paths join with one "/". */
export function resolveFhirUrl(baseUrl: string, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return `${baseUrl}/${pathOrUrl.replace(/^\/+/, '')}`;
}
