// The message catalogues (src/i18n, locales/, tools/i18n-check.ts): English fallback,
// placeholders and plurals in every language, the pseudo-locale, the language chosen at start,
// and the catalogues' check — passing on the repository, failing on crafted bad catalogues.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { actorName, detectLang, englishKeys, englishMessage, fmtDate, fmtNumber, isRtl, LANGS, lang, PICKER_LANGS, PSEUDO_MARK, placeName, pseudoLocalise, pseudoText, setLang, t } from '../src/i18n/index.ts';
import { checkCatalogues } from '../tools/i18n-check.ts';
import { ROOT } from './e2e/harness.ts';

afterEach(async () => {
  await setLang('en');
});

describe('t(): messages in the current language', () => {
  it('English by default; a key missing everywhere is shown as the key', () => {
    expect(lang()).toBe('en');
    expect(t('menu.newGame')).toBe('New game');
    expect(t('menu.no.such.key')).toBe('menu.no.such.key');
  });

  it('each language has its own text, and falls back to English for a key it lacks', async () => {
    const seen = new Set<string>();
    for (const l of PICKER_LANGS) {
      await setLang(l);
      seen.add(t('menu.newGame'));
    }
    expect(seen.size).toBe(PICKER_LANGS.length);
    await setLang('fr');
    expect(t('menu.newGame')).toBe('Nouvelle partie');
    // The fallback: a key only English has (none does in the repo: the check forbids it), shown through the same path.
    expect(t('menu.no.such.key')).toBe('menu.no.such.key');
  });

  it('placeholders are filled in every language', async () => {
    for (const l of PICKER_LANGS) {
      await setLang(l);
      expect(t('menu.load.slot', { n: 3, name: 'class 4B' })).toContain('class 4B');
      expect(t('menu.load.slot', { n: 3, name: 'class 4B' })).toContain('3');
    }
  });

  it('plurals follow each language: Arabic zero/one/two/few/many/other, French, Italian, English', async () => {
    const period = (turns: number) => t('menu.new.period', { kind: 'fortnight', turns, days: 14 });
    expect([1, 12].map(period)).toEqual(['1 fortnight', '12 fortnights']);
    await setLang('ar');
    const ar = [0, 1, 2, 3, 11, 100].map(period);
    expect(ar[0]).toBe('لا أدوار');
    expect(ar[1]).toBe('دور واحد مدته أسبوعان');
    expect(ar[2]).toContain('دوران');
    expect(ar[3]).toBe('3 أدوار، مدة كلٍّ منها أسبوعان');
    expect(ar[4]).toBe('11 دورًا، مدة كلٍّ منها أسبوعان');
    expect(ar[5]).toBe('100 دور، مدة كلٍّ منها أسبوعان');
    expect(new Set(ar).size).toBe(6);
    await setLang('fr');
    expect([1, 12].map(period)).toEqual(['1 quinzaine', '12 quinzaines']);
    await setLang('it');
    expect([1, 12].map(period)).toEqual(['1 turno di due settimane', '12 turni di due settimane']);
  });

  it('numbers and dates through Intl: Arabic with Western digits', async () => {
    expect(fmtDate('2020-01-08')).toBe('8 January 2020');
    expect(fmtNumber(12345)).toBe('12,345');
    await setLang('ar');
    expect(fmtDate('2020-01-08')).toMatch(/^8 .+ 2020$/);
    expect(fmtNumber(12345)).toMatch(/^12.345$/);
    expect(fmtNumber(12345)).not.toMatch(/[٠-٩]/);
    await setLang('fr');
    expect(fmtDate('2020-01-08')).toBe('8 janvier 2020');
    await setLang('it');
    expect(fmtDate('2020-01-08')).toBe('8 gennaio 2020');
  });

  it('names of actors and places as written in each language', async () => {
    expect([actorName('gna'), actorName('lna', 'long'), placeName('sirte')]).toEqual(['GNA', 'Libyan National Army', 'Sirte']);
    await setLang('ar');
    expect([actorName('gna', 'long'), placeName('tripoli'), placeName('sirte')]).toEqual(['حكومة الوفاق الوطني', 'طرابلس', 'سرت']);
    expect(isRtl()).toBe(true);
    await setLang('fr');
    expect([actorName('gna'), actorName('lna', 'long'), placeName('tripoli'), placeName('sirte')]).toEqual(['GUN', 'Armée nationale libyenne', 'Tripoli', 'Syrte']);
    expect(isRtl()).toBe(false);
    await setLang('it');
    expect([actorName('gna', 'long'), actorName('lna', 'long'), placeName('sirte')]).toEqual(['Governo di Accordo Nazionale', 'Esercito Nazionale Libico', 'Sirte']);
    // An id the catalogue does not know is shown as given.
    expect(actorName('backer:nobody')).toBe('backer:nobody');
    expect(placeName('nowhere', 'Nowhere')).toBe('Nowhere');
  });
});

describe('the pseudo-locale qps', () => {
  it('accents and lengthens literal text by about 40%, keeps placeholders, plurals and selects', async () => {
    await setLang('qps');
    const text = t('menu.load.slot', { n: 3, name: 'class 4B' });
    expect(text).toContain('class 4B');
    expect(text).toContain('3');
    expect(text).toMatch(PSEUDO_MARK);
    const period = t('menu.new.period', { kind: 'fortnight', turns: 12, days: 14 });
    expect(period.startsWith('12 ')).toBe(true);
    expect(period).toMatch(PSEUDO_MARK);
    expect(t('menu.new.backs', { client: 'gna' })).toMatch(PSEUDO_MARK);
    const english = 'Lead Tripoli’s government, Haftar’s army or the mediators through a proxy war, one fortnight at a time.';
    const pseudo = pseudoText(english);
    expect(pseudo.length / english.length).toBeGreaterThan(1.3);
    expect(pseudo.length / english.length).toBeLessThan(1.6);
    // Every English message of the repo has a pseudo-localised form with the same ICU structure.
    for (const key of englishKeys()) expect(() => pseudoLocalise(englishMessage(key) ?? '')).not.toThrow();
  });
  it('is not offered in the picker', () => {
    expect(LANGS).toContain('qps');
    expect(PICKER_LANGS).not.toContain('qps');
  });
});

describe('the language chosen at start', () => {
  it('?lang= first, then the saved choice, then the browser, then English', () => {
    expect(detectLang('?lang=ar', 'fr', ['it-IT'])).toBe('ar');
    expect(detectLang('?lang=xx', 'fr', ['it-IT'])).toBe('fr');
    expect(detectLang('', null, ['de-DE', 'it-IT', 'en'])).toBe('it');
    expect(detectLang('', null, ['ar-LY'])).toBe('ar');
    expect(detectLang('', 'nonsense', ['de-DE'])).toBe('en');
    expect(detectLang('?scenario=sirte-2020&lang=qps', null, [])).toBe('qps');
  });
});

describe('Node: the CLI reaches src/i18n without a bundler', () => {
  it('imports and formats under plain tsx (no import.meta.glob)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '-e', "import('./src/i18n/index.ts').then(async (m) => { await m.setLang('fr'); console.log(m.t('menu.newGame')); })"], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe('Nouvelle partie');
    const help = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/sim.ts', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help).toContain('Ceasefire Line');
  });
});

describe('tools/i18n-check.ts', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A small repo: English and French catalogues, a source file that names the keys. */
  function craft(en: Record<string, string>, fr: Record<string, string>, source = "t('menu.a'); t('menu.b', { n });"): string {
    const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
    dirs.push(root);
    for (const [l, cat] of [['en', en], ['fr', fr]] as const) {
      mkdirSync(join(root, 'locales', l), { recursive: true });
      writeFileSync(join(root, 'locales', l, 'menu.json'), JSON.stringify(cat));
    }
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src', 'x.ts'), source);
    return root;
  }
  const good = { 'menu.a': 'A', 'menu.b': '{n, plural, one {# turn} other {# turns}}' };

  it('passes on the repository (every language complete, every key used, placeholders agree)', () => {
    const result = checkCatalogues(ROOT);
    expect(result.problems).toEqual([]);
    expect(result.langs.sort()).toEqual(['ar', 'en', 'fr', 'it']);
    expect(result.namespaces).toContain('menu');
  });

  it('passes on a crafted good repo', () => {
    expect(checkCatalogues(craft(good, { 'menu.a': 'A fr', 'menu.b': '{n, plural, one {# tour} many {# de tours} other {# tours}}' })).problems).toEqual([]);
  });

  it('fails on a missing key', () => {
    const problems = checkCatalogues(craft(good, { 'menu.a': 'A fr' })).problems;
    expect(problems.join('\n')).toMatch(/fr: 1 missing key\(s\): menu\.b/);
  });

  it('fails on a placeholder that differs from English', () => {
    const problems = checkCatalogues(craft(good, { 'menu.a': 'A {who}', 'menu.b': '{count, plural, one {# tour} other {# tours}}' })).problems.join('\n');
    expect(problems).toMatch(/"menu\.a" has placeholders \{who:value\} where English has \{none\}/);
    expect(problems).toMatch(/"menu\.b" has placeholders \{count:value\} where English has \{n:value\}/);
  });

  it('lets a language add a select of its grammar, or format a value its own way, but not drop an argument', () => {
    // An article chosen by side (sid, passed to every language) and {n} as a plural where English prints it.
    const grammar = checkCatalogues(craft({ ...good, 'menu.a': 'A {n}' }, { 'menu.a': '{sid, select, lna {de l’A} other {du A}} {n, plural, one {#} other {#}}', 'menu.b': '{n, plural, one {# tour} other {# tours}}' }));
    expect(grammar.problems.join('\n')).not.toMatch(/menu\.a/);
    const dropped = checkCatalogues(craft({ ...good, 'menu.a': 'A {n} {side}' }, { 'menu.a': 'A {n}', 'menu.b': '{n, plural, one {# tour} other {# tours}}' }));
    expect(dropped.problems.join('\n')).toMatch(/"menu\.a" has placeholders \{n:value\} where English has \{n:value, side:value\}/);
    const noOther = checkCatalogues(craft(good, { 'menu.a': '{sid, select, gna {A}}', 'menu.b': '{n, plural, one {# tour} other {# tours}}' }));
    expect(noOther.problems.join('\n')).toMatch(/menu\.a/);
  });

  it('fails on a plural case the language does not have, or without other', () => {
    const wrongCase = checkCatalogues(craft(good, { 'menu.a': 'A', 'menu.b': '{n, plural, one {# tour} two {# tours} other {# tours}}' })).problems.join('\n');
    expect(wrongCase).toMatch(/case\(s\) two that fr does not use/);
    const noOther = checkCatalogues(craft(good, { 'menu.a': 'A', 'menu.b': '{n, plural, one {# tour} many {# tours}}' })).problems.join('\n');
    expect(noOther).toMatch(/fr: "menu\.b" does not parse: MISSING_OTHER_CLAUSE/);
  });

  it('fails on an unused key, a key outside its namespace, a message that does not parse, a key asked for that English lacks', () => {
    const problems = checkCatalogues(
      craft({ ...good, 'menu.unused': 'U', 'other.x': 'X', 'menu.bad': '{n, plural, one {x}' }, { ...good, 'menu.unused': 'U', 'other.x': 'X', 'menu.bad': 'x' }, "t('menu.a'); t('menu.b'); t('menu.bad'); t('menu.ghost')"),
    ).problems.join('\n');
    expect(problems).toMatch(/unused key\(s\).*menu\.unused/);
    expect(problems).toMatch(/"other\.x" is outside its namespace/);
    expect(problems).toMatch(/en: "menu\.bad" does not parse/);
    expect(problems).toMatch(/asked for with t\(\) that English does not have: menu\.ghost/);
  });

  it('exits non-zero on a bad catalogue and zero on the repository (the npm script)', () => {
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const ok = execFileSync(process.execPath, [tsx, 'tools/i18n-check.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok).toMatch(/complete, used, placeholders agree/);
    const bad = craft(good, { 'menu.a': 'A fr' });
    let code = 0;
    try {
      execFileSync(process.execPath, [tsx, join(ROOT, 'tools/i18n-check.ts'), '--root', bad], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      code = (error as { status: number }).status;
    }
    expect(code).toBe(1);
  });

  it('the registry loads every language folder (a folder without a loader line fails)', () => {
    const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
    dirs.push(root);
    cpSync(join(ROOT, 'locales'), join(root, 'locales'), { recursive: true });
    cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'locales', 'de'));
    for (const ns of ['menu', 'names']) writeFileSync(join(root, 'locales', 'de', `${ns}.json`), readFileSync(join(ROOT, 'locales', 'en', `${ns}.json`)));
    const problems = checkCatalogues(root).problems.join('\n');
    expect(problems).toMatch(/locales\/de\/menu\.json is never loaded/);
  });
});
