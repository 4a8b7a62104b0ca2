// The content catalogues the screens have loaded (src/i18n/content.ts fetches them through Vite)
// and the lookup of one text in them. Apart from the loader so that code the Node CLI and the
// tests also run (the report's teller, src/ui/report-text.ts) can read content text without
// reaching Vite's import.meta.glob: in Node nothing is loaded, and English is told.
import { type Lang, lang, pseudoText } from './index.ts';

export type Catalogue = Record<string, string>;

/** Content catalogues by "<lang>/<name>". */
export const loaded = new Map<string, Catalogue>();
/** The menu's text of every scenario, per language (small; loaded with the language). */
export const menuText = new Map<Lang, Record<string, Catalogue>>();

/** One text of a content file in the current language: `english` when there is none. */
export function contentText(name: string, key: string, english: string): string {
  const l = lang();
  if (l === 'en') return english;
  if (l === 'qps') return pseudoText(english);
  return loaded.get(`${l}/${name}`)?.[key] ?? menuText.get(l)?.[name]?.[key] ?? english;
}
