/**
 * What the command-line tools say about expected failures (src/core/problem.ts): one `describeProblem` for a
 * problem and the summary lines built on it. A problem the app also shows (a plan that cannot be made, an
 * allow-list field) reads as the app words it (src/ui/strings-problems.ts): one fact, one wording on every
 * surface. Only the CLI's own problems, about its flags (`npm run clients`), are worded here.
 */
import type { Problem, ProblemParams } from '../../core/problem.ts';
import type { InputProblem } from '../../adapters/node-read-input.ts';
import type { UrlFault } from '../../core/smart/issuer-url.ts';
import { urlFaultWords } from '../../ui/strings-url.ts';
import { describeProblem as appSentence } from '../../ui/strings-problems.ts';

const text = (params: ProblemParams | undefined, key: string): string => String(params?.[key] ?? '');

/** The entry an edit names: an iss or prefix as given, a launcher as "the launcher <base>". */
const entryWords = (params: ProblemParams | undefined): string =>
  `${params?.launcher ? 'the launcher ' : ''}${text(params, 'entry')}`;

/** `npm run clients` refusing an edit, e.g. `--scope-version must be v1 or v2, not "v3"`. */
function clientsSentence(p: Problem): string {
  const { params } = p;
  switch (p.code) {
    case 'clients/not-json':
      return `${text(params, 'file')}: not valid JSON (${text(params, 'technical')})`;
    case 'clients/empty-flag':
      return `${text(params, 'flag')} must not be empty`;
    case 'clients/scope-version':
      return `--scope-version must be v1 or v2, not "${text(params, 'value')}"`;
    case 'clients/one-matcher':
      return 'give exactly one of --iss, --iss-prefix or --smart-launcher';
    case 'clients/write-setting':
      return `${text(params, 'flag')} must be on, off or fallback, not "${text(params, 'value')}"`;
    case 'clients/reads-setting':
      return `--reads must be parallel or batch, not "${text(params, 'value')}"`;
    case 'clients/bad-url':
      return `${text(params, 'flag')} ${urlFaultWords(text(params, 'fault') as UrlFault, text(params, 'value'))}`;
    case 'clients/prefix-slash':
      return '--iss-prefix must end with "/" so it cannot match a look-alike host';
    case 'clients/standalone-prefix':
      return '--standalone needs an exact --iss or --smart-launcher (a prefix names no server to offer)';
    case 'clients/duplicate':
      return `${text(params, 'file')} already has an entry for ${entryWords(params)} ("${text(params, 'name')}"); remove it first`;
    default:
      return `${text(params, 'file')} has no entry for ${entryWords(params)}`;
  }
}

/** Why `npm run assess` cannot read its input as a chart, e.g. "the input is a Patient, not a FHIR Bundle". */
function inputSentence(p: Problem): string {
  if (p.code === 'input/not-object') return 'the input is not a JSON object';
  const type = p.params?.resourceType;
  return `the input is a ${type === undefined ? 'JSON object without resourceType' : String(type)}, not a FHIR Bundle`;
}

/** What is wrong in cds-clients.json, one line naming the file and the entry, e.g. `f: clients[0].iss must be …`. */
function cdsConfigSentence(p: Problem): string {
  const { params } = p;
  const file = text(params, 'file');
  const at = `${file}: clients[${text(params, 'index')}]`;
  switch (p.code) {
    case 'cds-config/unreadable':
      return `${file}: cannot be read`;
    case 'cds-config/not-json':
      return `${file}: not valid JSON`;
    case 'cds-config/no-clients':
      return `${file}: expected { "clients": [...] }`;
    case 'cds-config/jwks':
      return `${at}.jwks must be a JWKS ({ "keys": [...] })`;
    case 'cds-config/private-key':
      return `${at}.jwks holds a private key: give only the public keys`;
    case 'cds-config/jwks-url':
      return `${at}.jwks_url must be an https URL (http only on loopback)`;
    case 'cds-config/one-key-source':
      return `${at}: give exactly one of jwks and jwks_url`;
    case 'cds-config/fhir-servers':
      return `${at}.fhirServers must be a list of http(s) URLs`;
    case 'cds-config/max-lifetime':
      return `${at}.max_lifetime_s must be a whole number of seconds from 1 to 3600`;
    case 'cds-config/duplicate':
      return `${at}.iss "${text(params, 'iss')}" is listed twice`;
    default:
      return `${at}.iss must be a non-empty string`;
  }
}

/** The sentence for a problem, as the command prints it. */
/** Why `npm run seed` did not send a resource. */
function seedSentence(p: Problem): string {
  return p.code === 'seed/dangling' ? `not sent: it refers to ${text(p.params, 'target')}, which failed` : 'not sent';
}

export function describeProblem(p: Parameters<typeof appSentence>[0]): string {
  if (p.code.startsWith('clients/')) return clientsSentence(p);
  if (p.code.startsWith('seed/')) return seedSentence(p);
  if (p.code.startsWith('input/')) return inputSentence(p);
  if (p.code.startsWith('cds-config/')) return cdsConfigSentence(p);
  return appSentence(p);
}

/** Why `npm run seed` did not create a resource, with the server's own words when it gave any. */
export function seedProblemWords(p: Problem): string {
  const technical = p.params?.technical;
  return `${describeProblem(p)}${typeof technical === 'string' && technical ? `: ${technical}` : ''}`;
}

/** The first problem in words, and how many more there are: the one line `plan` prints when it refuses. */
export function firstProblemLine(problems: readonly Problem[]): string {
  const [first, ...rest] = problems;
  if (!first) return 'the plan cannot be made';
  const more = rest.length ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  return `${describeProblem(first)}${more}`;
}

/** Problems one a line. */
export function problemLines(problems: readonly Parameters<typeof appSentence>[0][]): string {
  return problems.map(describeProblem).join('\n');
}

const mib = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Why an input file was not read (src/adapters/node-read-input.ts), naming the file and, for size, the flag that raises the cap. */
export function describeInputProblem(file: string, problem: InputProblem, sizeFlag = '--max-size-mb'): string {
  switch (problem.kind) {
    case 'unreadable':
      return `cannot read ${file}${problem.code === 'ENOENT' ? ': no such file' : problem.code === 'EISDIR' ? ': it is a directory' : problem.code ? ` (${problem.code})` : ''}`;
    case 'too-large':
      return `${file} is larger than the ${mib(problem.limitBytes)} limit${problem.sizeBytes !== undefined ? ` (${mib(problem.sizeBytes)})` : ''}; not read. Raise the limit with ${sizeFlag} N if the file is really one patient's record`;
    case 'not-utf8':
      return `${file} is not UTF-8 text`;
    case 'not-json':
      return `${file} is not valid JSON`;
    case 'too-deep':
      return `${file} is too deeply nested (more than ${problem.limit} levels of arrays and objects); not a FHIR Bundle`;
  }
}
