// The English of the content files, as catalogues translators work from:
// locales/en/content/<name>.json, one per file of levels/ (npm run i18n-extract). Each key is
// a text leaf of the file (src/i18n/content-keys.ts says which and how keys are made); a
// translation is locales/<lang>/content/<name>.json with the same keys. The i18n check fails
// when these files are out of date with levels/.
//
//   npx tsx tools/content-extract.ts [--root <dir>] [--check]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/i18n/content-keys.ts';

export interface ContentFile {
  /** The catalogue's name: scenario.<id>, map.<id>, guide.<id>, glossary, primer, record. */
  name: string;
  /** The content file, relative to the root. */
  file: string;
  english: Record<string, string>;
}

const FOLDERS: ReadonlyArray<[string, string]> = [
  ['levels/scenarios', 'scenario'],
  ['levels/maps', 'map'],
  ['levels/guides', 'guide'],
];
const SINGLES = ['glossary', 'primer', 'record'];

/** Every content file under root/levels and its English catalogue. */
export function contentFiles(root: string): ContentFile[] {
  const out: ContentFile[] = [];
  const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const [folder, kind] of FOLDERS) {
    if (!existsSync(join(root, folder))) continue;
    for (const f of readdirSync(join(root, folder)).filter((x) => x.endsWith('.json')).sort()) {
      const file = `${folder}/${f}`;
      out.push({ name: `${kind}.${f.slice(0, -5)}`, file, english: extractText(read(file)) });
    }
  }
  for (const single of SINGLES) {
    const file = `levels/${single}.json`;
    if (existsSync(join(root, file))) out.push({ name: single, file, english: extractText(read(file)) });
  }
  return out;
}

export const contentCatalogue = (name: string, lang: string): string => `locales/${lang}/content/${name}.json`;

const render = (cat: Record<string, string>): string => `${JSON.stringify(cat, null, 2)}\n`;

/** The English catalogues that differ from levels/ (stale or missing), as relative paths. */
export function staleEnglish(root: string): string[] {
  const stale: string[] = [];
  for (const c of contentFiles(root)) {
    const path = join(root, contentCatalogue(c.name, 'en'));
    if (!existsSync(path) || readFileSync(path, 'utf8') !== render(c.english)) stale.push(contentCatalogue(c.name, 'en'));
  }
  return stale;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? resolve(args[at + 1] ?? '.') : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  if (args.includes('--check')) {
    const stale = staleEnglish(root);
    for (const s of stale) console.error(`${s}: out of date with levels/ (run npm run i18n-extract)`);
    process.exit(stale.length ? 1 : 0);
  }
  mkdirSync(join(root, 'locales/en/content'), { recursive: true });
  let keys = 0;
  let chars = 0;
  for (const c of contentFiles(root)) {
    writeFileSync(join(root, contentCatalogue(c.name, 'en')), render(c.english));
    keys += Object.keys(c.english).length;
    chars += Object.values(c.english).reduce((n, s) => n + s.length, 0);
  }
  console.log(`locales/en/content: ${contentFiles(root).length} files, ${keys} texts, ${chars.toLocaleString('en-GB')} characters`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
