/**
 * Builds src/core/knowledge/generated/rxnorm-tables.ts from public value sets, so the app ships its own product-code
 * tables with their provenance (never a copy of ../shared/reference-data, which tests measure against).
 *
 *   npm run build:codes -- <git dir or checkout> [<git dir or checkout> ...] [--out FILE]
 *
 * Each argument is a bare git directory (e.g. /work/.mirror/cqframework+opioid-cds-r4/repo, as the `fetch` tool
 * leaves it) or a checkout. Known repositories and the files read from them are listed in SOURCES; the script reads
 * them with `git show <ref>:<path>` and records repository, commit, commit date and files in the output.
 *
 * How a code gets its ingredients: every (RxNorm code, name) pair is classified by ingredient with the app's own
 * name matcher (src/core/match), never by a regex over the product name (style.md anti-pattern 5). Brand names are
 * learnt from "[Brand]" in branded drug names (SBD) whose ingredients the matcher recognises; a second pass then
 * classifies brand-only names ("Kadian Pill"). OMTKData's drug -> ingredient table is used as given. Rows whose
 * ingredients include no rule-relevant ingredient (role "other") are dropped, so a value-set error (an herbal extract
 * in an "Opioids" set) never becomes an opioid.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { INGREDIENT_BY_ID } from '../src/core/knowledge/ingredients.ts';
import { PhraseIndex } from '../src/core/match/phrase-index.ts';
import { buildNameIndex, type NameTarget } from '../src/core/match/medication-index.ts';
import { tokenise } from '../src/core/match/tokens.ts';
import { groupsInText } from '../src/core/match/condition.ts';
import { packCodes, unpackBrandIngredients, unpackProductCodeGroups } from '../src/core/knowledge/packed-codes.ts';

type Kind = 'valueset' | 'bundle' | 'tsv' | 'omtk' | 'conditions';
interface SourceFile {
  ref: string;
  path: string;
  kind: Kind;
}

/** What to read from each known public repository. */
const SOURCES: Record<string, SourceFile[]> = {
  'cqframework/opioid-cds-r4': [
    { ref: 'HEAD', path: 'bundles/opioid-cds-terminology-bundle.json', kind: 'bundle' },
    ...[
      'buprenorphine-and-methadone-medications',
      'buprenorphine-medications',
      'extended-release-opioid-with-ambulatory-misuse-potential',
      'fentanyl-type-medications',
      'methadone-medications',
      'naloxone-medications',
      'non-synthetic-opioid-medications',
      'opioid-analgesics-with-ambulatory-misuse-potential',
      'oxycodone-medications',
      'synthetic-opioid-medications',
    ].map((n): SourceFile => ({ ref: 'HEAD', path: `input/vocabulary/valueset/${n}.json`, kind: 'valueset' })),
    ...[
      'valueset-buprenorphine-and-methadone-medications',
      'valueset-extended-release-opioid-with-ambulatory-misuse-potential',
      'valueset-fentanyl-type-medications',
      'valueset-naloxone-medications',
      'valueset-non-synthetic-opioid-medications',
      'valueset-opioid-analgesics-with-ambulatory-misuse-potential',
    ].map((n): SourceFile => ({
      ref: 'HEAD',
      path: `archive/input/vocabulary/valueset/archive/${n}.json`,
      kind: 'valueset',
    })),
  ],
  // (conditions) CDC opioid misuse disorders and substance misuse: OUD codes; poisoning rows are kept out by name.
  'cqframework/opioid-cds-r4#conditions': [
    { ref: 'HEAD', path: 'input/vocabulary/valueset/opioid-misuse-disorders.json', kind: 'conditions' },
    {
      ref: 'HEAD',
      path: 'archive/input/vocabulary/valueset/archive/valueset-opioid-misuse-disorders.json',
      kind: 'conditions',
    },
    { ref: 'HEAD', path: 'input/vocabulary/valueset/conditions-documenting-substance-misuse.json', kind: 'conditions' },
  ],
  'smart-on-fhir/cumulus-library-opioid': [
    { ref: 'HEAD', path: 'cumulus_library_opioid/valueset_rx_opioid.json', kind: 'valueset' },
    { ref: 'HEAD', path: 'cumulus_library_opioid/valueset_rx_naloxone.json', kind: 'valueset' },
    { ref: 'HEAD', path: 'cumulus_library_opioid/valueset_rx_buprenorphine.json', kind: 'valueset' },
    { ref: 'ucdavis', path: 'cumulus_library_opioid/vocab/data/bioportal.curated.tsv', kind: 'tsv' },
    { ref: 'ucdavis', path: 'cumulus_library_opioid/vocab/common/keywords/keywords.curated.tsv', kind: 'tsv' },
  ],
  'cqframework/opioid-mme-r4': [{ ref: 'HEAD', path: 'input/cql/OMTKData.cql', kind: 'omtk' }],
  'cqframework/opioid-cds': [
    'external/valueset-long-acting-opioids',
    'valueset-buprenorphine-and-methadone-medications',
    'valueset-fentanyl-type-medications',
    'valueset-naloxone-medications',
    'valueset-non-synthetic-opioid-medications',
  ].map((n): SourceFile => ({ ref: 'HEAD', path: `input/vocabulary/valueset/${n}.json`, kind: 'valueset' })),
  // VSAC expansions used by eCQMs: opioids (1196.226, 1046.241, 1111.165), MOUD (1046.269), opioid antagonists
  // (1248.119) and the US Core substance list (classified by name like every other row).
  'cqframework/ecqm-content-cms-2025': [
    'valueset-2.16.840.1.113762.1.4.1196.226',
    'valueset-2.16.840.1.113762.1.4.1046.241',
    'valueset-2.16.840.1.113762.1.4.1111.165',
    'valueset-2.16.840.1.113762.1.4.1046.269',
    'valueset-2.16.840.1.113762.1.4.1248.119',
    'ValueSet-us-core-allergy-substance',
  ].map((n): SourceFile => ({ ref: 'HEAD', path: `input/vocabulary/valueset/external/${n}.json`, kind: 'valueset' })),
  // (conditions) VSAC sets whose members are classified into condition groups by their display names:
  // Malabsorption Syndromes (Crohn's, UC), Liver Disease, Gastrointestinal Disease, Breastfeeding, Opioid Use Disorder,
  // Advanced Illness (MS), Substance Abuse (OUD), Preexisting Diabetes (diabetic neuropathy).
  'cqframework/ecqm-content-cms-2025#conditions': [
    '2.16.840.1.113883.3.464.1003.199.12.1050',
    '2.16.840.1.113762.1.4.1047.42',
    '2.16.840.1.113762.1.4.1029.338',
    '2.16.840.1.113762.1.4.1047.73',
    '2.16.840.1.113762.1.4.1111.171',
    '2.16.840.1.113883.3.464.1003.110.12.1082',
    '2.16.840.1.113762.1.4.1029.320',
    '2.16.840.1.113762.1.4.1029.275',
  ].map((n): SourceFile => ({
    ref: 'HEAD',
    path: `input/vocabulary/valueset/external/valueset-${n}.json`,
    kind: 'conditions',
  })),
};

const RXNORM = new Set(['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88']);
const CONDITION_SYSTEMS: Record<string, 'snomed' | 'icd10cm'> = {
  'http://snomed.info/sct': 'snomed',
  'urn:oid:2.16.840.1.113883.6.96': 'snomed',
  'http://hl7.org/fhir/sid/icd-10-cm': 'icd10cm',
  'urn:oid:2.16.840.1.113883.6.90': 'icd10cm',
};

interface ConditionRow {
  system: 'snomed' | 'icd10cm';
  code: string;
  name: string;
}

function conditionConcepts(vs: unknown, out: ConditionRow[]): void {
  const v = vs as { expansion?: { contains?: unknown[] } };
  const walk = (list: unknown[] | undefined): void => {
    for (const c of list ?? []) {
      const e = c as { system?: string; code?: string; display?: string; contains?: unknown[] };
      const system = e.system ? CONDITION_SYSTEMS[e.system] : undefined;
      if (e.code && system && e.display) out.push({ system, code: e.code, name: e.display });
      walk(e.contains);
    }
  };
  walk(v.expansion?.contains);
}

interface Row {
  code: string;
  name: string;
  /** Ingredients given by the source itself (OMTK), not learnt from the name. */
  given?: string[];
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function gitDirOf(path: string): string {
  const p = resolve(path);
  if (existsSync(resolve(p, '.git'))) return resolve(p, '.git');
  return p;
}

/** "owner/name" for a mirror path like /work/.mirror/owner+name/repo, or from the origin remote. */
function repoName(dir: string): string {
  const mirror = basename(dirname(dir)) === '.mirror' ? basename(dir) : basename(dirname(dir));
  if (mirror.includes('+')) return mirror.replace('+', '/');
  try {
    const url = git(dir, ['config', '--get', 'remote.origin.url']).trim();
    const m = /github\.com[/:]([^/]+\/[^/.]+)/.exec(url);
    if (m?.[1]) return m[1];
  } catch {
    // no remote: fall through
  }
  return mirror;
}

function concepts(vs: unknown, out: Row[]): void {
  const v = vs as {
    expansion?: { contains?: unknown[] };
    compose?: { include?: { system?: string; concept?: { code: string; display?: string }[] }[] };
  };
  const walk = (list: unknown[] | undefined): void => {
    for (const c of list ?? []) {
      const e = c as { system?: string; code?: string; display?: string; contains?: unknown[] };
      if (e.code && e.system && RXNORM.has(e.system)) out.push({ code: e.code, name: e.display ?? '' });
      walk(e.contains);
    }
  };
  walk(v.expansion?.contains);
  for (const inc of v.compose?.include ?? []) {
    if (!inc.system || !RXNORM.has(inc.system)) continue;
    for (const c of inc.concept ?? []) out.push({ code: c.code, name: c.display ?? '' });
  }
}

function readRows(text: string, kind: Kind): Row[] {
  const rows: Row[] = [];
  if (kind === 'valueset') concepts(JSON.parse(text), rows);
  else if (kind === 'bundle') {
    for (const e of (JSON.parse(text) as { entry?: { resource?: { resourceType?: string } }[] }).entry ?? []) {
      if (e.resource?.resourceType === 'ValueSet') concepts(e.resource, rows);
    }
  } else if (kind === 'tsv') {
    for (const line of text.split('\n')) {
      const [code, name] = line.split('\t');
      if (code && /^\d+$/.test(code.trim()) && name) rows.push({ code: code.trim(), name: name.trim() });
    }
  } else {
    const re = /drugCode:\s*(\d+),\s*drugName:\s*'([^']*)'.*?ingredientName:\s*'([^']*)'/g;
    for (const m of text.matchAll(re))
      rows.push({ code: m[1] as string, name: m[2] as string, given: [(m[3] as string).toLowerCase()] });
  }
  return rows;
}

const relevant = (id: string): boolean => {
  const role = INGREDIENT_BY_ID.get(id)?.role;
  return role !== undefined && role !== 'other';
};

const MEDICATION_NAMES = buildNameIndex(false);

function classify(name: string, brands: PhraseIndex<NameTarget>): string[] {
  const ids = new Set<string>();
  const tokens = tokenise(name);
  for (const h of MEDICATION_NAMES.find(tokens)) for (const id of h.value.ingredients) ids.add(id);
  for (const h of brands.find(tokens)) for (const id of h.value.ingredients) ids.add(id);
  return [...ids].sort();
}

/** Words that are not brands by themselves (dose forms, salts, marketing words). */
const GENERIC_WORDS = new Set(
  (
    'abuse deterrent decongestant expectorant cough cold pediatric liquid syrup solution elixir extended release plus ' +
    'forte sugar free formula compound reformulated sf dye unflavored novaplus kit system transdermal buccal troche ' +
    'sublingual injection injectable oral tablet tablets capsule capsules er ir cr sr xr la hcl hydrochloride sulfate ' +
    'usp with w and relief pain dm nr pe pd hd hc dh ac dac cd cf exp jr max ex xp ds disp dispersible concentrate ' +
    'intensol film patch spray nasal auto injector pen the of new care generic mg ml'
  ).split(' '),
);

/** Learnt brand names that are also everyday words or other products' names on medication lists (e.g. the PARI
 * "Vortex" spacer): never used as evidence of an opioid. */
const NOT_BRANDS = new Set(['vortex', 'allay', 'protex']);

/**
 * A learnt brand is kept only if it can stand for a product: not made of generic words, single letters or numbers
 * only (e.g. "Decongestant", "Abuse-Deterrent", "G-3"), at least 4 letters, and not already containing an
 * ingredient name (those products are matched by the ingredient anyway).
 */
function usableBrand(brand: string): boolean {
  const tokens = tokenise(brand);
  if (NOT_BRANDS.has(tokens.join(' '))) return false;
  if (tokens.join('').replace(/[0-9]/g, '').length < 4) return false;
  if (tokens.every((t) => GENERIC_WORDS.has(t) || t.length === 1 || /^\d+$/.test(t))) return false;
  if (MEDICATION_NAMES.find(tokens).length > 0) return false;
  return true;
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (!positionals.length) {
    console.error('usage: npm run build:codes -- <git dir or checkout> [...] [--out FILE]');
    process.exit(2);
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = resolve(
    cwd,
    values.out ?? resolve(import.meta.dirname, '../src/core/knowledge/generated/rxnorm-tables.ts'),
  );
  const provenance: { repo: string; commit: string; date: string; files: string[] }[] = [];
  const rows: Row[] = [];
  const conditionRows: ConditionRow[] = [];
  for (const arg of positionals) {
    const dir = gitDirOf(resolve(cwd, arg));
    const repo = repoName(dir);
    const files = [...(SOURCES[repo] ?? []), ...(SOURCES[`${repo}#conditions`] ?? [])];
    if (!files.length) {
      console.error(
        `build-code-tables: no source files configured for ${repo} (known: ${Object.keys(SOURCES).join(', ')})`,
      );
      process.exit(2);
    }
    const used: string[] = [];
    let commit = '';
    let date = '';
    for (const f of files) {
      let text: string;
      let sha: string;
      try {
        sha = git(dir, ['rev-parse', f.ref]).trim();
        text = git(dir, ['show', `${f.ref}:${f.path}`]);
      } catch {
        console.warn(`build-code-tables: ${repo} ${f.ref}:${f.path} not found, skipped`);
        continue;
      }
      if (f.ref === 'HEAD') {
        commit = sha;
        date = git(dir, ['log', '-1', '--format=%cI', sha]).trim();
      }
      if (f.kind === 'conditions') {
        const before = conditionRows.length;
        conditionConcepts(JSON.parse(text), conditionRows);
        used.push(`${f.path} (${conditionRows.length - before} condition codes)`);
        continue;
      }
      const got = readRows(text, f.kind);
      used.push(`${f.ref === 'HEAD' ? '' : `${f.ref}@${sha.slice(0, 8)}:`}${f.path} (${got.length} codes)`);
      rows.push(...got);
    }
    provenance.push({ repo, commit, date, files: used });
  }

  // Pass 1: learn brands from "[Brand]" in branded names whose ingredients the matcher recognises.
  const none = new PhraseIndex<NameTarget>();
  const brandIngredients = new Map<string, Set<string>>();
  for (const r of rows) {
    const m = /\[([^\]]+)\]\s*$/.exec(r.name);
    if (!m?.[1]) continue;
    const brand = m[1].trim();
    if (tokenise(brand).length === 0 || /^\d/.test(brand)) continue;
    const ids = classify(r.name.replace(/\[[^\]]*\]\s*$/, ''), none).filter(relevant);
    if (!ids.length) continue;
    const key = tokenise(brand).join(' ');
    const set = brandIngredients.get(key) ?? new Set<string>();
    for (const id of ids) set.add(id);
    brandIngredients.set(key, set);
  }
  const brandIndex = new PhraseIndex<NameTarget>();
  const brandRows: [string, string][] = [];
  let brandsDropped = 0;
  for (const [brand, ids] of [...brandIngredients].sort(([a], [b]) => a.localeCompare(b))) {
    if (!usableBrand(brand)) {
      brandsDropped++;
      continue;
    }
    const joined = [...ids].sort().join('+');
    brandIndex.add(brand, { ingredients: [...ids], term: brand });
    brandRows.push([brand, joined]);
  }

  // Pass 2: classify every code (codes seen with several names get the union of their ingredients).
  const byCode = new Map<string, Set<string>>();
  let dropped = 0;
  for (const r of rows) {
    const ids = [...classify(r.name, brandIndex), ...(r.given ?? [])].filter(relevant);
    if (!ids.length) {
      dropped++;
      continue;
    }
    const set = byCode.get(r.code) ?? new Set<string>();
    for (const id of ids) set.add(id);
    byCode.set(r.code, set);
  }
  // Grouped by ingredient set: "code code code" strings keep the shipped table small.
  const groups = new Map<string, string[]>();
  for (const [code, ids] of byCode) {
    const key = [...ids].sort().join('+');
    const list = groups.get(key) ?? [];
    list.push(code);
    groups.set(key, list);
  }
  // Packed (src/core/knowledge/packed-codes.ts): the plain lists were most of the clinician screen's download.
  const productRows = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, codes]) => {
      const numbers = codes.map(Number).sort((a, b) => a - b);
      if (codes.some((c) => !/^[1-9]\d*$/.test(c))) throw new Error(`not a plain RxNorm code in ${key}`);
      return [key, numbers] as const;
    });
  const packedProducts = productRows.map(([key, numbers]) => `${key}:${packCodes(numbers)}`).join('\n');
  const brandGroups = new Map<string, string[]>();
  for (const [brand, joined] of brandRows) {
    if (/[|:\n]/.test(brand)) throw new Error(`brand with a separator character: ${brand}`);
    brandGroups.set(joined, [...(brandGroups.get(joined) ?? []), brand]);
  }
  const packedBrands = [...brandGroups].map(([joined, brands]) => `${joined}:${brands.join('|')}`).join('\n');
  // The packed text must give back exactly the tables it encodes.
  const expectedProducts = productRows.map(([key, numbers]) => `${key}\t${numbers.join(' ')}`).join('\n');
  if (
    unpackProductCodeGroups(packedProducts)
      .map(([k, c]) => `${k}\t${c}`)
      .join('\n') !== expectedProducts
  )
    throw new Error('product codes do not round-trip');
  const brandKey = (rows: readonly (readonly [string, string])[]) =>
    rows
      .map(([b, i]) => `${b}\t${i}`)
      .sort()
      .join('\n');
  if (brandKey(unpackBrandIngredients(packedBrands)) !== brandKey(brandRows))
    throw new Error('brands do not round-trip');
  const packedLines = (packed: string) =>
    packed
      .split('\n')
      .map((line) => `  ${JSON.stringify(line + '\n')}`)
      .join(' +\n');

  const text = `// GENERATED by scripts/build-code-tables.ts on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand; rerun:
//   npm run build:codes -- ${positionals.map((p) => basename(dirname(resolve(cwd, p))) + '/' + basename(resolve(cwd, p))).join(' ')}
// RxNorm codes and brand names from public value sets (licences: CDC opioid-cds CC0; cumulus-library-opioid
// Apache-2.0 / VSAC expansions; opioid-mme-r4 OMTKData), classified by ingredient with src/core/match.
// ${byCode.size} codes in ${groups.size} ingredient sets; ${brandRows.length} brands (${brandsDropped} learnt names dropped as generic or redundant); ${dropped} source rows named no rule-relevant ingredient and were left out.
// The code and brand lists are packed (format and decoder: src/core/knowledge/packed-codes.ts); they are unpacked
// on first use (src/core/match/medication-index.ts), not at module load.

/** Where these tables come from: repository, commit, commit date and the files read. */
export const GENERATED_FROM: readonly { repo: string; commit: string; date: string; files: string[] }[] = ${JSON.stringify(provenance, null, 2)};
export const GENERATED_ON = ${JSON.stringify(new Date().toISOString().slice(0, 10))};

/** Packed [ingredient ids joined by "+", RxNorm codes], sorted by set; codes sorted numerically (unpackProductCodeGroups). */
export const PACKED_PRODUCT_CODE_GROUPS: string = (
${packedLines(packedProducts)}
);

/** Packed [brand (lower-case words), ingredient ids joined by "+"], learnt from "[Brand]" in branded drug names (unpackBrandIngredients). */
export const PACKED_BRAND_INGREDIENTS: string = (
${packedLines(packedBrands)}
);
`;
  writeFileSync(out, text);

  // Conditions: each SNOMED / ICD-10-CM code goes to the groups its display names (same matcher as the app).
  const condGroups = new Map<string, Set<string>>();
  for (const r of conditionRows) {
    for (const g of groupsInText(r.name)) {
      const key = `${g}|${r.system}`;
      const set = condGroups.get(key) ?? new Set<string>();
      set.add(r.code);
      condGroups.set(key, set);
    }
  }
  const condLines = [...condGroups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, codes]) => {
      const [g, sys] = key.split('|');
      return `  [${JSON.stringify(g)}, ${JSON.stringify(sys)}, ${JSON.stringify([...codes].sort().join(' '))}],`;
    });
  const condOut = resolve(dirname(out), 'condition-tables.ts');
  writeFileSync(
    condOut,
    `// GENERATED by scripts/build-code-tables.ts on ${new Date().toISOString().slice(0, 10)} (see rxnorm-tables.ts GENERATED_FROM for the
// repositories and commits). SNOMED CT / ICD-10-CM codes from public VSAC / CDC value sets, put in a condition group
// when their display names the group (src/core/match/condition.ts groupsInText; poisoning / overdose never OUD).
// ${conditionRows.length} source rows; ${condLines.length} group/system lists.

/** [condition group id, code system, codes separated by spaces]. */
export const CONDITION_CODE_GROUPS: readonly (readonly [string, 'snomed' | 'icd10cm', string])[] = [
${condLines.join('\n')}
];
`,
  );
  console.log(
    `build-code-tables: wrote ${condOut}: ${condLines.length} group/system lists from ${conditionRows.length} condition rows`,
  );
  console.log(
    `build-code-tables: wrote ${out}: ${byCode.size} codes, ${groups.size} ingredient sets, ${brandRows.length} brands (${brandsDropped} dropped), ${dropped} rows dropped`,
  );
}

try {
  main();
} catch (e) {
  console.error(`build-code-tables: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
