// The catalogues of the briefing, the ending, the after-action report and the dialogs
// (locales/<lang>/ending.json and dialogs.json): every language has every English key and no
// other, each message parses and names the same placeholders as English, and each formats in its
// language (plural forms included) without falling back to its key. The turning points' text
// reads in each language, and English stays what it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { setLang, t } from '../src/i18n/index.ts';
import { aiOrders, newGame, otherActorsOrders, resolveTurn } from '../src/sim/index.ts';
import type { Order, State } from '../src/sim/types.ts';
import { endingPhrase, turnHeading } from '../src/ui/turning-text.ts';
import { warData } from '../src/ui/war-data.ts';

const LANGS = ['en', 'ar', 'fr', 'it'] as const;
const NAMESPACES = ['ending', 'dialogs'] as const;
const read = (lang: string, ns: string): Record<string, string> => JSON.parse(readFileSync(join(__dirname, '..', 'locales', lang, `${ns}.json`), 'utf8'));

type Kind = 'plural' | 'select' | 'plain';
function args(elements: MessageFormatElement[], out = new Map<string, { kind: Kind; options: string[] }>()): Map<string, { kind: Kind; options: string[] }> {
  for (const e of elements) {
    if (e.type === TYPE.plural) out.set(e.value, { kind: 'plural', options: Object.keys(e.options) });
    else if (e.type === TYPE.select) out.set(e.value, { kind: 'select', options: Object.keys(e.options) });
    else if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date) if (!out.has(e.value)) out.set(e.value, { kind: 'plain', options: [] });
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) args(o.value, out);
  }
  return out;
}

afterAll(() => setLang('en'));

describe('the ending and dialogs catalogues', () => {
  for (const ns of NAMESPACES) {
    const en = read('en', ns);
    for (const lang of LANGS.slice(1)) {
      it(`${lang}/${ns}.json: the same keys and placeholders as English, and every message formats`, async () => {
        const cat = read(lang, ns);
        expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
        await setLang(lang);
        for (const [key, message] of Object.entries(en)) {
          const mine = args(parse(cat[key] as string, { ignoreTag: true }));
          const theirs = args(parse(message, { ignoreTag: true }));
          expect([...mine.keys()].sort(), key).toEqual([...theirs.keys()].sort());
          // Every plural count this language distinguishes, and each select's first case.
          for (const n of [0, 1, 2, 3, 11, 100]) {
            const values = Object.fromEntries([...mine].map(([name, a]) => [name, a.kind === 'plural' ? n : a.kind === 'select' ? (a.options[0] as string) : 'X']));
            const text = t(key, values);
            expect(text, `${lang} ${key}`).not.toBe(key);
            expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
          }
        }
      });
    }
  }

  it('Arabic counts take their plural forms; French and Italian elide their articles before the LNA', async () => {
    await setLang('ar');
    expect(t('ending.aar.runs', { n: 2 })).toBe('استكمالان');
    expect(t('ending.aar.runs', { n: 20 })).toBe('20 استكمالًا');
    expect(t('ending.aar.runs', { n: 100 })).toBe('100 استكمال');
    await setLang('fr');
    expect(t('ending.headline.collapse', { side: 'ANL', sid: 'lna' })).toBe('L’ANL s’effondre');
    expect(t('ending.headline.victory', { side: 'GNA', sid: 'gna' })).toBe('Victoire militaire du GNA');
    await setLang('it');
    expect(t('ending.chart.legitimacyOf', { side: 'LNA', sid: 'lna' })).toBe('Legittimità dell’LNA');
  });

  it('the charts and the turning points read in each language; English as before', async () => {
    const loaded = loadScenarioFile('tutorial');
    if (!loaded.ok) throw new Error('the tutorial does not load');
    const tutorial = loaded.value;
    let s = newGame(tutorial, 'd', ['gna'], 'normal');
    const states: State[] = [s];
    for (let i = 0; i < 2; i++) {
      const orders: Order[] = [...aiOrders(tutorial, s, 'gna', 'normal').orders, ...otherActorsOrders(tutorial, s, 'gna').orders];
      s = resolveTurn(tutorial, s, orders).state;
      states.push(s);
    }
    await setLang('en');
    const english = warData(tutorial, states);
    expect(english.charts[0]?.title).toBe('Territory: share of the population each side held');
    expect(endingPhrase('military-victory:lna', tutorial)).toBe('an LNA military victory');
    expect(turnHeading({ turn: 3, date: '2020-01-22' } as never)).toBe('Turn 3, 22 January 2020');
    for (const lang of ['ar', 'fr', 'it'] as const) {
      await setLang(lang);
      const data = warData(tutorial, states);
      expect(data.charts.map((c) => c.id)).toEqual(english.charts.map((c) => c.id));
      for (const [i, c] of data.charts.entries()) expect(c.title, `${lang} ${c.id}`).not.toBe(english.charts[i]?.title);
      expect(turnHeading({ turn: 3, date: '2020-01-22' } as never)).not.toBe('Turn 3, 22 January 2020');
    }
  });
});
