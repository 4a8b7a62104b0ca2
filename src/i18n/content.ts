// The content of levels/ (scenarios, maps, the glossary, the primer, the teacher's guides, the
// record) in the player's language. The sim reads the English files untouched; the screens
// show a translated copy of the same structure (the same ids, numbers and references), made
// from the catalogues locales/<lang>/content/<name>.json (src/i18n/content-keys.ts says which
// strings are text and how they are keyed). English needs nothing; qps is English
// pseudo-localised; a text a catalogue lacks stays English.
//
//   await loadContent('glossary');              // before a screen shows it (setLang reloads)
//   const g = shownTree('glossary', glossary()); // the same object, in the player's language
//   session.scenario                             // already shown (src/game/session.ts)
//
// Browser only (the chunks come through Vite); the sim and the CLI never import it.
import type { ScenarioMeta } from '../content/catalog-types.ts';
import type { Scenario } from '../sim/types.ts';
import { retold } from './content-keys.ts';
import { type Catalogue, contentText, loaded, menuText } from './content-text.ts';
import { addLangLoader, type Lang, lang, t } from './index.ts';

export { contentText };

const chunks: Record<string, () => Promise<unknown>> = import.meta.glob(['../../locales/*/content/*.json', '!../../locales/en/content/*.json'], { import: 'default' });

const MENU_TEXT: Partial<Record<Lang, () => Promise<{ TEXT: Record<string, Catalogue> }>>> = {
  ar: () => import('virtual:scenario-catalog-text/ar'),
  fr: () => import('virtual:scenario-catalog-text/fr'),
  it: () => import('virtual:scenario-catalog-text/it'),
};

async function loadMenuText(l: Lang): Promise<void> {
  const load = MENU_TEXT[l];
  if (!load || menuText.has(l)) return;
  menuText.set(l, (await load()).TEXT);
}
/** Content the screens have asked for: loaded again in each language chosen later. */
const wanted = new Set<string>();

const chunkKey = (l: Lang, name: string): string => `../../locales/${l}/content/${name}.json`;
const needsNothing = (l: Lang): boolean => l === 'en' || l === 'qps';

async function loadOne(l: Lang, name: string): Promise<void> {
  const id = `${l}/${name}`;
  if (needsNothing(l) || loaded.has(id)) return;
  const load = chunks[chunkKey(l, name)];
  // No translation of this file in this language: its text stays English.
  if (!load) return;
  loaded.set(id, (await load()) as Catalogue);
}

/** Loads content catalogues in the current language (and remembers them for the next one). */
export async function loadContent(...names: string[]): Promise<void> {
  for (const name of names) wanted.add(name);
  const l = lang();
  await Promise.all(names.map((name) => loadOne(l, name)));
}

addLangLoader((l) => Promise.all([loadMenuText(l), ...[...wanted].map((name) => loadOne(l, name))]).then(() => undefined));

const copies = new WeakMap<object, Map<string, unknown>>();

function cached<T extends object>(tree: T, id: string, make: () => T): T {
  let byLang = copies.get(tree);
  if (!byLang) copies.set(tree, (byLang = new Map()));
  const hit = byLang.get(id);
  if (hit) return hit as T;
  const made = make();
  byLang.set(id, made);
  return made;
}

/** A copy of a content file's tree with its text in the current language (cached; English: the tree itself). */
export function shownTree<T extends object>(name: string, tree: T): T {
  const l = lang();
  if (l === 'en') return tree;
  // A catalogue that arrives later makes a new copy (the id names what the copy was made from).
  const id = `${l}/${name}/${loaded.has(`${l}/${name}`) ? 1 : 0}`;
  return cached(tree, id, () => retold(tree, (key, english) => contentText(name, key, english)));
}

/** The content file of a scenario's text, by its id (a lesson form's is its full form's). */
export const scenarioTextName = (id: string): string => `scenario.${id.replace(/-lesson$/, '')}`;

/** The content files a scenario's text comes from: its own (the full form's for a lesson) and its map's. */
export function scenarioContent(scenario: Pick<Scenario, 'id' | 'form'> & { map: { id: string } | string }): string[] {
  const id = scenario.form === 'lesson' ? scenario.id.replace(/-lesson$/, '') : scenario.id;
  return [`scenario.${id}`, `map.${typeof scenario.map === 'string' ? scenario.map : scenario.map.id}`];
}

const SCENARIO_SKIP: ReadonlySet<string> = new Set(['map']);

/**
 * A scenario as the screens show it: its text in the current language, everything else the
 * same. Only for showing: the sim, the hashes and the files always take the English scenario
 * (a scenario's hash covers its text). Cached per scenario and language.
 */
export function shownScenario(scenario: Scenario): Scenario {
  const l = lang();
  if (l === 'en') return scenario;
  const [own, mapName] = scenarioContent(scenario) as [string, string];
  const id = `${l}/scenario/${loaded.has(`${l}/${own}`) ? 1 : 0}${loaded.has(`${l}/${mapName}`) ? 1 : 0}`;
  return cached(scenario, id, () => {
    const shown = retold(scenario, (key, english) => contentText(own, key, english), SCENARIO_SKIP);
    shown.map = retold(scenario.map, (key, english) => contentText(mapName, key, english));
    // A lesson form's title is its full form's, named as a lesson (the loader writes it in English).
    if (scenario.form === 'lesson') shown.title = t('game.lessonTitle', { title: contentText(own, 'title', scenario.title.replace(/ — lesson form$/, '')) });
    Object.defineProperty(shown, DISPLAY_ONLY, { value: true });
    return shown;
  });
}

/** Marks a shown copy, so the sim's entry points can refuse one (see isShownCopy). */
const DISPLAY_ONLY = Symbol('display-only scenario');

/** Whether `scenario` is a translated copy for the screens (never to be played or hashed). */
export function isShownCopy(scenario: Scenario): boolean {
  return (scenario as unknown as Record<symbol, unknown>)[DISPLAY_ONLY] === true;
}

/** A scenario as the menu lists it, its text in the current language (cached per language). */
export function shownMeta(meta: ScenarioMeta): ScenarioMeta {
  const l = lang();
  if (l === 'en') return meta;
  const name = `scenario.${meta.fullId ?? meta.id}`;
  const id = `${l}/meta/${menuText.has(l) ? 1 : 0}`;
  return cached(meta, id, () => {
    const say = (key: string, english: string) => contentText(name, key, english);
    const title = meta.form === 'lesson' ? t('game.lessonTitle', { title: say('title', meta.title.replace(/ — lesson form$/, '')) }) : say('title', meta.title);
    return {
      ...meta,
      title,
      subtitle: say('subtitle', meta.subtitle),
      backerSeats: meta.backerSeats.map((b) => {
        const id = b.role.slice('backer:'.length);
        return { ...b, name: say(`backers.${id}.name`, b.name), summary: say(`backerRoles.${id}.objectives.summary`, b.summary) };
      }),
      whatIfs: meta.whatIfs.map((w) => ({ ...w, label: say(`whatIfs.${w.id}.label`, w.label), description: say(`whatIfs.${w.id}.description`, w.description) })),
      ...(meta.lesson ? { lesson: { ...meta.lesson, note: say('lesson.note', meta.lesson.note) } } : {}),
    };
  });
}
