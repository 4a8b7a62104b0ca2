// The message catalogues: every string the player sees, in English, Arabic, French and
// Italian (and the pseudo-locale qps for testing), as ICU MessageFormat (intl-messageformat),
// with numbers and dates through Intl.
//
//   import { t, fmtNumber, fmtDate, lang, isRtl, setLang, onLangChange } from '../i18n/index.ts';
//   t('menu.newGame')                      → "New game" / "لعبة جديدة" / "Nouvelle partie"…
//   t('menu.turnN', { n: 3 })              → "turn 3", placeholders and plurals in ICU syntax
//
// Catalogues live in locales/<lang>/<namespace>.json (see catalogues.ts for the namespace
// registry and locales/README.md for adding a language). English is bundled; ar/fr/it load
// with setLang(). A key missing in the current language falls back to English, a key missing
// in English too is shown as the key itself (the i18n check fails on both). No console output.
//
// Language choice at start (initLang): ?lang=xx in the address, then the saved choice
// (localStorage 'ceasefire-line:lang'), then navigator.languages, then English.
//
// Numbers: Arabic uses Western ("latn") digits, as Libya and the Maghreb do in print (ar-LY
// with numberingSystem latn): 1,234 rather than ١٬٢٣٤. Dates: day, month name, year.
//
// This module runs in the browser and under Node (the CLI, tests): no DOM at import time.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { type Catalogue, type LoadedLang, NAMESPACES } from './catalogues.ts';

export const LANGS = ['en', 'ar', 'fr', 'it', 'qps'] as const;
export type Lang = (typeof LANGS)[number];
/** The languages the picker offers (the pseudo-locale qps is for testing only). */
export const PICKER_LANGS: readonly Lang[] = ['en', 'ar', 'fr', 'it'];
/** Each language named in itself, for the picker. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ar: 'العربية', fr: 'Français', it: 'Italiano', qps: 'Ƥšéûđó' };
const RTL: ReadonlySet<Lang> = new Set<Lang>(['ar']);
/** The locale Intl formats with (numbers, dates, plural rules). */
const INTL_LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', ar: 'ar-LY-u-nu-latn', fr: 'fr-FR', it: 'it-IT', qps: 'en-GB' };
export const LANG_STORAGE_KEY = 'ceasefire-line:lang';

const english: Record<string, string> = Object.assign({}, ...Object.values(NAMESPACES).map((ns) => ns.en));
const loaded = new Map<Lang, Record<string, string>>([['en', english]]);
const formatters = new Map<string, IntlMessageFormat | null>();
let current: Lang = 'en';
const listeners = new Set<(l: Lang) => void>();

export const isLang = (x: unknown): x is Lang => typeof x === 'string' && (LANGS as readonly string[]).includes(x);
export const lang = (): Lang => current;
export const isRtl = (l: Lang = current): boolean => RTL.has(l);
/** The BCP 47 tag for `lang` attributes (qps is written as the private-use tag it stands for). */
export const langTag = (l: Lang = current): string => (l === 'qps' ? 'en-XA' : l);
export const intlLocale = (l: Lang = current): string => INTL_LOCALE[l];

/** Every English key (the reference catalogue). */
export function englishKeys(): string[] {
  return Object.keys(english);
}

/** The English message of `key` (the source every language is translated from). */
export function englishMessage(key: string): string | undefined {
  return english[key];
}

/** Loads a language's catalogues (all namespaces); English and qps need nothing. */
export async function loadLang(l: Lang): Promise<void> {
  if (loaded.has(l) || l === 'qps') return;
  const parts = await Promise.all(Object.values(NAMESPACES).map((ns) => ns[l as LoadedLang]().then((m) => m.default)));
  loaded.set(l, Object.assign({}, ...parts) as Record<string, string>);
}

/** Switches the language: loads it, sets <html lang dir> (in a browser), tells the listeners. */
export async function setLang(l: Lang): Promise<void> {
  await Promise.all([loadLang(l), l === 'ar' ? arabicFont() : null, ...[...langLoaders].map((load) => load(l))]);
  current = l;
  if (typeof document !== 'undefined') {
    const root = document.documentElement;
    root.lang = langTag(l);
    root.dir = isRtl(l) ? 'rtl' : 'ltr';
  }
  for (const listener of listeners) listener(l);
}

/**
 * IBM Plex Sans Arabic (its own chunk, fetched only for Arabic), loaded before the page turns
 * Arabic: no flash of another font, no download cut short. At most 3 s: a slow network gets
 * the system's Arabic font meanwhile.
 */
function arabicFont(): Promise<unknown> | null {
  if (typeof document === 'undefined') return null;
  const fonts = import('./arabic-font.ts').then(() => Promise.all(['400', '600'].map((w) => document.fonts.load(`${w} 16px "IBM Plex Sans Arabic"`, 'عربية'))));
  return Promise.race([fonts.catch(() => null), new Promise((done) => setTimeout(done, 3000))]);
}

const langLoaders = new Set<(l: Lang) => Promise<void>>();
/** Something more to load before a language is switched to (the content catalogues, src/i18n/content.ts). */
export function addLangLoader(load: (l: Lang) => Promise<void>): void {
  langLoaders.add(load);
}

/** Switches and remembers the choice (the picker). */
export async function chooseLang(l: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, l);
  } catch {
    // Not saved (private mode): still used for this session.
  }
  await setLang(l);
}

/** Called after every language change (screens redraw their text). Returns the unsubscribe. */
export function onLangChange(listener: (l: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language to start in: ?lang=, the saved choice, the browser's languages, English. */
export function detectLang(search: string, saved: string | null, browser: readonly string[]): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base && base !== 'qps' && isLang(base)) return base;
  }
  return 'en';
}

/** Detects and loads the starting language (main.ts awaits it before the first screen). */
export function initLang(): Promise<void> {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    // No storage: no saved choice.
  }
  const l = detectLang(location.search, saved, navigator.languages ?? []);
  // A language that cannot load (offline, a broken chunk) leaves the game in English.
  return setLang(l).catch(() => setLang('en'));
}

/** The message of `key` in the current language, formatted with `values`. */
export function t(key: string, values?: Record<string, string | number | Date>): string {
  const f = formatter(current, key);
  if (!f) return key;
  try {
    return String(f.format(values));
  } catch {
    // A value left out: the message as far as it can be told, never an exception on screen.
    return key;
  }
}

/**
 * Runs `f` with English as the language, whatever the screen shows, and then the language as it
 * was: no listener is told, nothing is loaded (English is bundled). For words that must be
 * English in every language (the ending's sentence in old records' hashes: src/game/legacy-ending.ts).
 */
export function inEnglish<T>(f: () => T): T {
  const before = current;
  current = 'en';
  try {
    return f();
  } finally {
    current = before;
  }
}

/** Whether `key` has a message (in the current language or English). */
export function has(key: string): boolean {
  return key in english || (loaded.get(current)?.[key] !== undefined);
}

function formatter(l: Lang, key: string): IntlMessageFormat | null {
  const id = `${l}\u0000${key}`;
  let f = formatters.get(id);
  if (f !== undefined) return f;
  f = null;
  const own = l === 'qps' ? undefined : loaded.get(l)?.[key];
  const source = own ?? english[key];
  if (source !== undefined) {
    try {
      // qps is made from English at run time: literal text accented and lengthened, placeholders and ICU syntax kept.
      const message = l === 'qps' ? pseudoLocalise(source) : source;
      f = new IntlMessageFormat(message, own !== undefined || l === 'qps' ? INTL_LOCALE[l] : INTL_LOCALE.en, undefined, { ignoreTag: true });
    } catch {
      f = null;
    }
  }
  formatters.set(id, f);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Pseudo-locale

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'đ', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ḿ',
  n: 'ñ', o: 'ó', p: 'ƥ', q: 'ʠ', r: 'ŕ', s: 'š', t: 'ŧ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Đ', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ḿ',
  N: 'Ñ', O: 'Ó', P: 'Ƥ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ŧ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
/** Characters the pseudo-locale writes (the e2e test looks for one of them in every text). */
export const PSEUDO_MARK = /[áƀçđéƒĝĥíĵķĺḿñóƥʠŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹḾÑÓƤǪŔŠŦÚṼŴẊÝŽ]/;

/** Literal text, accented and about 40% longer (every vowel doubled). */
export function pseudoText(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => (/[aeiouyAEIOUY]/.test(c) ? (ACCENTS[c] ?? c) + (ACCENTS[c.toLowerCase()] ?? c) : (ACCENTS[c] ?? c)));
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]));
      return { ...el, options } as MessageFormatElement;
    }
    if (el.type === TYPE.tag) return { ...el, children: pseudoElements(el.children) };
    return el;
  });
}

/** A message in the pseudo-locale: its ICU structure kept, its literal text pseudo-localised. */
export function pseudoLocalise(message: string): MessageFormatElement[] {
  return pseudoElements(parse(message, { ignoreTag: true }));
}

// ---------------------------------------------------------------------------------------------
// Numbers, dates, names

export function fmtNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[current], { maximumFractionDigits: 0, ...options }).format(n);
}

/** "2020-01-08" → "8 January 2020" / "8 يناير 2020" / "8 janvier 2020" / "8 gennaio 2020" (UTC: no time-zone surprises). */
export function fmtDate(iso: string, options?: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const text = new Intl.DateTimeFormat(INTL_LOCALE[current], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', ...options }).format(new Date(Date.UTC(y, m - 1, d)));
  return current === 'qps' ? pseudoText(text) : text;
}

/** A list ("A, B and C") in the current language. */
export function fmtList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(INTL_LOCALE[current], { style: 'long', type }).format(items);
}

/** An actor's or role's name (names.json: "names.actor.<id>"); unknown ids are shown as given. */
export function actorName(id: string, form: 'short' | 'long' = 'short'): string {
  const key = `names.actor.${id.replace(/^backer:/, '')}${form === 'long' ? '.long' : ''}`;
  return has(key) ? t(key) : form === 'long' ? actorName(id, 'short') : id;
}

/** A place's name as written in the current language (names.json: "names.place.<id>"). */
export function placeName(id: string, fallback?: string): string {
  const key = `names.place.${id}`;
  return has(key) ? t(key) : (fallback ?? id);
}

export type { Catalogue };
