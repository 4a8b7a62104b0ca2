// The teaching content bundled with the game: levels/glossary.json (one concept card per row
// of the design's dynamics table, and entries for every actor, place and key term), validated
// at start-up by the same loader as the tests use.
import data from '../../levels/glossary.json';
import { shownTree } from '../i18n/content.ts';
import { formatProblems, loadGlossary } from '../sim/index.ts';
import type { GlossaryFile } from '../sim/scenario/schema.ts';
import type { Concept, Scenario } from '../sim/types.ts';

export type { GlossaryFile };
export type ConceptCard = GlossaryFile['concepts'][number];
export type GlossaryEntry = GlossaryFile['entries'][number];

let cache: GlossaryFile | null = null;

/** The validated glossary; a broken file throws with every problem named. */
export function glossary(): GlossaryFile {
  if (cache) return cache;
  const result = loadGlossary({ file: 'levels/glossary.json', data });
  if (!result.ok) throw new Error(`The bundled glossary is invalid:\n${formatProblems(result.error)}`);
  cache = result.value;
  return cache;
}

/** The glossary as the screens show it: its text in the player's language (loadContent('glossary') first). */
export function shownGlossary(): GlossaryFile {
  return shownTree('glossary', glossary());
}

/** The card of one concept (every concept has exactly one: the loader checks it). */
export function conceptCard(id: Concept): ConceptCard {
  const card = shownGlossary().concepts.find((c) => c.id === id);
  if (!card) throw new Error(`no concept card for "${id}"`);
  return card;
}

/**
 * The glossary entries a scenario needs: its sides, backers, formations and places (in the
 * glossary's order), then every key term.
 */
export function entriesFor(scenario: Scenario): { actors: GlossaryEntry[]; places: GlossaryEntry[]; terms: GlossaryEntry[] } {
  const used = new Set<string>([
    'gna',
    'lna',
    ...scenario.backers.map((b) => b.id),
    ...scenario.formations.map((f) => f.id),
    ...scenario.reserves.map((f) => f.id),
    ...scenario.map.places.map((p) => p.id),
  ]);
  const all = shownGlossary().entries;
  return {
    actors: all.filter((e) => e.kind === 'actor' && used.has(e.id)),
    places: all.filter((e) => e.kind === 'place' && used.has(e.id)),
    terms: all.filter((e) => e.kind === 'term'),
  };
}
