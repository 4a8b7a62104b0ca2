// The catalogues' check (npm run i18n-check): fails (exit 1) on
//   - a key missing in a language, or a key a language has that English does not;
//   - a key outside its namespace (every key of locales/<lang>/foo.json starts with "foo.");
//   - an unused key: no source file under src/ names it as a string literal ('menu.x', "menu.x"
//     or `menu.x`), apart from the keys built at run time that DYNAMIC_KEYS below allows;
//   - a key the code asks for with t('…') that English does not have;
//   - a message that does not parse as ICU MessageFormat, or whose placeholders differ from
//     English: the same arguments with the same types; a select with the same cases; a plural
//     with an `other` case and only the categories that language has (Arabic: zero, one, two,
//     few, many, other; French and Italian: one, many, other), plus exact =N cases;
//   - a language folder or namespace file the registry (src/i18n/catalogues.ts) does not load.
//   - content (locales/<lang>/content/<name>.json): the English out of date with levels/, a
//     file, key or text missing in a language, a long text left identical to the English.
//
//   npx tsx tools/i18n-check.ts [--root <dir>]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { contentCatalogue, contentFiles, staleEnglish } from './content-extract.ts';

/**
 * Keys the code builds at run time (so no literal names them): each pattern is documented by
 * the helper that builds them. Keep this list short: prefer a table of literal keys.
 */
export const DYNAMIC_KEYS: readonly RegExp[] = [
  // actorName(id) / placeName(id) in src/i18n/index.ts: names.actor.<id>[.long], names.place.<id>.
  /^names\.actor\./,
  /^names\.place\./,
  // The game screen names codes of the core's types through small tables of keys
  // (src/ui/hud.ts, sidebar.ts, places.ts, orders.ts): one key per value of the type.
  /^game\.(kind|tag|group|term|ind|stage|track|rung|period|order|map\.country)\./,
  /^game\.b\.stance\./,
  /^game\.places\.col\./,
  /^game\.(key|keyName)\./,
  /^game\.handover\.after\./,
  // The dialogs and the ending name the core's phases, mechanics, endings, rungs, talks
  // stages, difficulties, score parts and indicators the same way (src/ui/modals.ts,
  // ending.ts, aar.ts, war-data.ts, turning-text.ts).
  /^dialogs\.(phase|mechanic)\./,
  /^ending\.(rung|rungLower|kind|talks|difficulty|part|role\.long|interest|aar\.branch|chart\.ind|phrase|turning\.had)\./,
];

/** Languages the registry loads (English is the reference and bundled; qps is generated). */
const REGISTRY = 'src/i18n/catalogues.ts';

export interface CheckResult {
  problems: string[];
  langs: string[];
  namespaces: string[];
  keys: number;
  /** Texts of the content files (levels/) each language translates. */
  content: number;
}

type Catalogue = Record<string, string>;

function readJson(file: string, problems: string[]): Catalogue {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      problems.push(`${file}: not a flat object of strings`);
      return {};
    }
    const out: Catalogue = {};
    for (const [k, v] of Object.entries(data)) {
      if (typeof v !== 'string') problems.push(`${file}: "${k}" is not a string`);
      else out[k] = v;
    }
    return out;
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message}`);
    return {};
  }
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** What a message's placeholders are: argument → type (+ select cases, plural cases). */
interface Shape {
  args: Map<string, string>;
  selects: Map<string, string[]>;
  plurals: Map<string, string[]>;
}

function shapeOf(elements: MessageFormatElement[], shape: Shape = { args: new Map(), selects: new Map(), plurals: new Map() }): Shape {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      shapeOf(el.children, shape);
      continue;
    }
    const type = el.type === TYPE.argument ? 'text' : el.type === TYPE.number ? 'number' : el.type === TYPE.date ? 'date' : el.type === TYPE.time ? 'time' : el.type === TYPE.select ? 'select' : el.type === TYPE.plural ? (el.pluralType === 'ordinal' ? 'selectordinal' : 'plural') : 'other';
    // The same argument may appear in several cases (a count named again inside its plural's
    // cases): its shape is the set of the ways it is used, however many cases repeat them.
    const before = shape.args.get(el.value);
    shape.args.set(el.value, [...new Set([...(before ? before.split('|') : []), type])].sort().join('|'));
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      const cases = Object.keys(el.options).sort();
      const map = el.type === TYPE.select ? shape.selects : shape.plurals;
      map.set(el.value, [...new Set([...(map.get(el.value) ?? []), ...cases])].sort());
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}

const LOCALE_FOR_PLURALS: Record<string, string> = { ar: 'ar', fr: 'fr', it: 'it', en: 'en' };

function pluralCategories(lang: string): Set<string> {
  try {
    return new Set(new Intl.PluralRules(LOCALE_FOR_PLURALS[lang] ?? lang).resolvedOptions().pluralCategories);
  } catch {
    return new Set(['one', 'other']);
  }
}

/** Checks locales/ under `root` against English and the code under root/src. */
export function checkCatalogues(root: string): CheckResult {
  const problems: string[] = [];
  const localesDir = join(root, 'locales');
  const langs = existsSync(localesDir) ? readdirSync(localesDir).filter((d) => statSync(join(localesDir, d)).isDirectory()) : [];
  if (!langs.includes('en')) return { problems: [`${localesDir}/en: the English catalogues are missing`], langs, namespaces: [], keys: 0, content: 0 };
  const namespaces = readdirSync(join(localesDir, 'en'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  const catalogues = new Map<string, Catalogue>();
  for (const lang of langs) {
    const merged: Catalogue = {};
    for (const file of readdirSync(join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
      const ns = file.slice(0, -5);
      const path = join('locales', lang, file);
      if (!namespaces.includes(ns)) problems.push(`${path}: namespace "${ns}" has no English file`);
      const cat = readJson(join(localesDir, lang, file), problems);
      for (const key of Object.keys(cat)) if (!key.startsWith(`${ns}.`)) problems.push(`${path}: key "${key}" is outside its namespace (keys here start with "${ns}.")`);
      Object.assign(merged, cat);
    }
    for (const ns of namespaces) if (!existsSync(join(localesDir, lang, `${ns}.json`))) problems.push(`locales/${lang}/${ns}.json: missing (every language has every namespace)`);
    catalogues.set(lang, merged);
  }
  const english = catalogues.get('en') ?? {};

  // The registry loads every language and namespace there is.
  const registryPath = join(root, REGISTRY);
  if (existsSync(registryPath)) {
    const registry = readFileSync(registryPath, 'utf8');
    for (const lang of langs) {
      for (const ns of namespaces) {
        if (!registry.includes(`locales/${lang}/${ns}.json`)) problems.push(`${REGISTRY}: locales/${lang}/${ns}.json is never loaded (add it to NAMESPACES)`);
      }
    }
  }

  // English shapes, and each language against them.
  const englishShapes = new Map<string, Shape>();
  for (const [key, message] of Object.entries(english)) {
    try {
      englishShapes.set(key, shapeOf(parse(message, { ignoreTag: true })));
    } catch (error) {
      problems.push(`en: "${key}" does not parse: ${(error as Error).message}`);
    }
  }
  for (const lang of langs) {
    if (lang === 'en') continue;
    const cat = catalogues.get(lang) ?? {};
    const missing = Object.keys(english).filter((k) => !(k in cat));
    if (missing.length) problems.push(`${lang}: ${missing.length} missing key(s): ${missing.join(', ')}`);
    const extra = Object.keys(cat).filter((k) => !(k in english));
    if (extra.length) problems.push(`${lang}: ${extra.length} key(s) English does not have: ${extra.join(', ')}`);
    const categories = pluralCategories(lang);
    for (const [key, message] of Object.entries(cat)) {
      const reference = englishShapes.get(key);
      if (!reference) continue;
      let shape: Shape;
      try {
        shape = shapeOf(parse(message, { ignoreTag: true }));
      } catch (error) {
        problems.push(`${lang}: "${key}" does not parse: ${(error as Error).message}`);
        continue;
      }
      const fmt = (s: Shape) =>
        [...s.args.entries()]
          .sort()
          .map(([n, t]) => `${n}:${t}`)
          .join(', ') || 'none';
      // Arguments are compared by name and kind (a value, a date, a time): how a language
      // formats a value is its grammar's business — English's {n} may be an Arabic plural, an
      // English article select ({an}) an Italian agreement by side ({sid}). A translation may
      // add a select on a value the code passes to every language; it may not drop or rename
      // an argument, nor use a value as a date.
      const kind = (type: string) => type.split('|').map((x) => (x === 'date' || x === 'time' ? x : 'value')).filter((x, i, all) => all.indexOf(x) === i).join('|');
      const refArgs = new Map(reference.args);
      for (const [arg, type] of [...shape.args]) {
        if (type.includes('select') && !refArgs.has(arg)) shape.args.delete(arg);
        else shape.args.set(arg, kind(type));
      }
      for (const [arg, type] of [...refArgs]) if (!shape.args.has(arg) && type === 'select') refArgs.delete(arg);
      for (const [arg, type] of [...refArgs]) refArgs.set(arg, kind(type));
      const fmtRef = fmt({ ...reference, args: refArgs });
      if (fmt(shape) !== fmtRef) problems.push(`${lang}: "${key}" has placeholders {${fmt(shape)}} where English has {${fmtRef}}`);
      for (const [arg, cases] of shape.selects) if (!cases.includes('other')) problems.push(`${lang}: "${key}" select {${arg}} has no "other" case`);
      for (const [arg, cases] of shape.plurals) {
        if (!cases.includes('other')) problems.push(`${lang}: "${key}" plural {${arg}} has no "other" case`);
        const wrong = cases.filter((c) => !c.startsWith('=') && !categories.has(c));
        if (wrong.length) problems.push(`${lang}: "${key}" plural {${arg}} has case(s) ${wrong.join(', ')} that ${lang} does not use (it has ${[...categories].join(', ')})`);
      }
    }
  }

  // Used and unused keys.
  const files = sourceFiles(join(root, 'src'));
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const literals = new Set<string>();
  for (const m of text.matchAll(/(['"`])([a-z][\w-]*(?:\.[\w-]+)+)\1/g)) literals.add(m[2] as string);
  const unused = Object.keys(english).filter((k) => !literals.has(k) && !DYNAMIC_KEYS.some((re) => re.test(k)));
  if (unused.length) problems.push(`unused key(s) (no source file names them; see DYNAMIC_KEYS in tools/i18n-check.ts): ${unused.join(', ')}`);
  const asked = new Set<string>();
  for (const m of text.matchAll(/\bt\(\s*(['"`])([a-z][\w-]*(?:\.[\w-]+)+)\1/g)) asked.add(m[2] as string);
  const unknown = [...asked].filter((k) => !(k in english));
  if (unknown.length) problems.push(`key(s) asked for with t() that English does not have: ${unknown.join(', ')}`);

  const content = checkContent(root, langs, problems);
  return { problems, langs, namespaces, keys: Object.keys(english).length, content };
}

/**
 * The content catalogues (locales/<lang>/content/<name>.json, src/i18n/content-keys.ts): the
 * English ones up to date with levels/, and every language with exactly their keys, each a
 * non-empty text, none left in English (a long text identical to the English), none holding
 * ICU braces English does not have. Returns how many texts English has.
 */
/** Texts a translation keeps as published: the titles and authors of the guides' further reading. */
const KEPT_AS_PUBLISHED = /^reading\.[^.]+\.(title|by)$/;

function checkContent(root: string, langs: string[], problems: string[]): number {
  const files = contentFiles(root);
  for (const stale of staleEnglish(root)) problems.push(`${stale}: out of date with levels/ (run npm run i18n-extract)`);
  const names = new Set(files.map((f) => f.name));
  for (const lang of langs) {
    if (lang === 'en') continue;
    const dir = join(root, 'locales', lang, 'content');
    const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
    for (const extra of present.filter((n) => !names.has(n))) problems.push(`${contentCatalogue(extra, lang)}: no content file in levels/ is named "${extra}"`);
    for (const { name, english } of files) {
      const path = contentCatalogue(name, lang);
      if (!existsSync(join(root, path))) {
        problems.push(`${path}: missing (every language translates every content file)`);
        continue;
      }
      const cat = readJson(join(root, path), problems);
      const missing = Object.keys(english).filter((k) => !(k in cat));
      if (missing.length) problems.push(`${path}: ${missing.length} missing key(s): ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
      const extra = Object.keys(cat).filter((k) => !(k in english));
      if (extra.length) problems.push(`${path}: ${extra.length} key(s) English does not have: ${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ', …' : ''}`);
      for (const [key, value] of Object.entries(cat)) {
        const source = english[key];
        if (source === undefined) continue;
        if (!value.trim()) problems.push(`${path}: "${key}" is empty`);
        else if (source.length > 30 && value === source && !KEPT_AS_PUBLISHED.test(key)) problems.push(`${path}: "${key}" is left in English`);
      }
    }
  }
  return files.reduce((n, f) => n + Object.keys(f.english).length, 0);
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 && args[at + 1] ? resolve(args[at + 1] as string) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const result = checkCatalogues(root);
  if (result.problems.length) {
    console.error(`i18n-check: ${result.problems.length} problem(s)`);
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`i18n-check: ${result.keys} keys in ${result.namespaces.length} namespace(s) (${result.namespaces.join(', ')}), ${result.langs.length} languages (${result.langs.join(', ')}): complete, used, placeholders agree; ${result.content} texts of levels/ translated in each.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
