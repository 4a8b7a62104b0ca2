// The game screen's catalogue (locales/<lang>/game.json, issue 20): every language has every
// English key with the same placeholders, every message parses, and the orders written from the
// catalogue read in English exactly as describeOrder writes them (the English e2e tests and the
// players' habits rely on that wording).
import { readFileSync } from 'node:fs';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { legalOrders } from '../src/sim/orders.ts';
import { newGame } from '../src/sim/setup.ts';
import type { Actor } from '../src/sim/types.ts';
import { describeOrder, describeOrderText } from '../src/ui/orders.ts';

const read = (lang: string, ns: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../locales/${lang}/${ns}.json`, import.meta.url), 'utf8'));

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe('the game namespace', () => {
  const en = read('en', 'game');
  for (const lang of ['ar', 'fr', 'it']) {
    it(`${lang}: every English key, the same placeholders, every message parses`, () => {
      const cat = read(lang, 'game');
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [key, source] of Object.entries(en)) {
        const mine = argumentsOf(parse(cat[key] ?? '', { ignoreTag: true }));
        const english = argumentsOf(parse(source, { ignoreTag: true }));
        // A translation may also choose its words by the side's id (French and Italian articles).
        mine.delete('id');
        english.delete('id');
        expect([...mine].sort(), `${lang} ${key}`).toEqual([...english].sort());
      }
    });
    it(`${lang}: every place and actor named in English is named`, () => {
      expect(Object.keys(read(lang, 'names')).sort()).toEqual(Object.keys(read('en', 'names')).sort());
    });
  }

  it('orders read in English as describeOrder writes them, for every role of every scenario', () => {
    let compared = 0;
    for (const id of ['sirte-2020', 'tripoli-2019', 'geneva-2020', 'red-line-2020', 'tutorial']) {
      const loaded = loadScenarioFile(id);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      const scenario = loaded.value;
      const state = newGame(scenario, 'i18n-game');
      const actors: Actor[] = ['gna', 'lna', 'mediator', ...scenario.backers.map((b) => `backer:${b.id}` as Actor)];
      for (const actor of actors) {
        for (const order of legalOrders(scenario, state, actor)) {
          const text = describeOrderText(order, scenario);
          if (text === null) continue;
          expect(text).toBe(describeOrder(order, scenario));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
