// Fixed text of the shell: how to play, credits, names of things. The concept cards and the
// glossary are data: levels/glossary.json (src/content/glossary.ts).
// Written for the game, in our own words; facts follow the project's reference notes.
import type { EndingKind, Mechanic, Phase, Role, TalksStage } from '../sim/types.ts';

export const ROLE_NAMES: Record<Role, string> = {
  gna: 'Government of National Accord',
  lna: 'Libyan National Army',
  mediator: 'International mediator',
};

export const ROLE_SHORT: Record<Role, string> = { gna: 'GNA', lna: 'LNA', mediator: 'Mediator' };

export const ROLE_BLURB: Record<Role, string> = {
  gna: 'Tripoli. UN-recognised, holds the central bank, short of air power.',
  lna: 'Benghazi. Holds the oil crescent, stronger in the air, backed by regional powers.',
  mediator: 'UN and European envoys. No army: trust, pressure and conferences.',
};

export const DIFFICULTY_BLURB = {
  easy: 'The computer’s commanders take fewer risks and are slow to see a threat.',
  normal: 'The opponents as designed.',
  hard: 'They press every advantage. The rules stay the same.',
} as const;

export const TALKS_NAMES: Record<TalksStage, string> = {
  none: 'No talks',
  talks: 'Talks',
  truce: 'Truce',
  ceasefire: 'Ceasefire',
  agreement: 'Agreement',
};

export const PHASE_NAMES: Record<Phase, string> = {
  events: 'Events',
  diplomacy: 'Diplomacy',
  movement: 'Movement',
  combat: 'Ground combat',
  air: 'Air war',
  economy: 'Money and oil',
  humanitarian: 'Civilians',
  backers: 'Foreign backers',
  talks: 'Talks',
  outcome: 'Outcome',
};

export const MECHANIC_NAMES: Partial<Record<Mechanic, string>> = {
  'civilian-harm': 'civilian harm',
};

export const RUNG_NAMES = ['Words', 'Money and arms', 'Advisers and mercenaries', 'Drones and air defence', 'Own troops and aircraft'];

export const ENDING_NAMES: Record<EndingKind, string> = {
  'military-victory': 'Military victory',
  settlement: 'Negotiated settlement',
  'frozen-conflict': 'Frozen conflict',
  'regional-war': 'Regional war',
  catastrophe: 'Humanitarian catastrophe',
  collapse: 'Collapse',
  'time-out': 'The war goes on',
};

export const SCORE_PARTS: { key: 'territory' | 'lives' | 'legitimacy' | 'stability' | 'escalation'; name: string }[] = [
  { key: 'territory', name: 'Territory' },
  { key: 'lives', name: 'Lives spared' },
  { key: 'legitimacy', name: 'Legitimacy' },
  { key: 'stability', name: 'Stability' },
  { key: 'escalation', name: 'Escalation avoided' },
];

export const HOW_TO_PLAY: { title: string; text: string[] }[] = [
  {
    title: 'The aim',
    text: [
      'Choose a side — the Tripoli government, the Libyan National Army, or the mediator — and play a scripted historical start. Each role has its own goals and a score in five parts: territory, lives spared, legitimacy, stability and escalation avoided.',
      'New here? Start with the tutorial, first in the New game list: a short game around Tripoli in April 2019 that shows you each step.',
    ],
  },
  {
    title: 'A turn',
    text: [
      'Each turn covers a fortnight. Events fire first, some with a choice for you. Then you give a few orders: the budget in the top bar says how many. Press End turn (or Enter) and the turn resolves in a fixed order: diplomacy, movement, ground combat, air war, money and oil, civilians, foreign backers, talks.',
      'The turn report explains what happened and why, naming the mechanism at work.',
    ],
  },
  {
    title: 'Giving orders',
    text: [
      'Click a place on the map to see who holds it and what forces are there, then pick an order from the list. Before you commit, each order shows its cost, its odds where chance is involved, and what it risks. Queued orders can be cancelled until you end the turn.',
      'Orders that concern the whole country — oil, salaries, talks, backers — are under the National tab.',
    ],
  },
  {
    title: 'The map',
    text: [
      'Drag to pan, scroll or use + and − to zoom; the arrow keys and WASD also pan. Shapes as well as colours mark who holds what: a square for the GNA, a diamond for the LNA, a circle for local forces. You see your own forces exactly; the other side’s only as estimates, as wide as your intelligence is poor.',
    ],
  },
  {
    title: 'Replays and sharing',
    text: [
      'Every game is fixed by its scenario, its seed and the orders given. The same seed and the same orders always produce the same war. The game saves itself after every turn; Continue picks up where you left off. A link with ?scenario=…&role=…&seed=… starts the same game on any computer.',
    ],
  },
];

export const CREDITS: { title: string; text: string }[] = [
  {
    title: 'Sources',
    text: 'The scenarios follow the public record of the 2019–2020 war: news agencies, UN and UNSMIL statements, humanitarian agencies and think-tank analysis. Figures that sources dispute are given as ranges; a claim whose truth is not established is shown as a claim, with who made it and when. All text in the game is written anew; nothing is quoted.',
  },
  {
    title: 'Map',
    text: 'Country outlines: Natural Earth 1:50m (public domain), via the world-atlas package; projected to Mercator at build time. Place coordinates from gazetteer data.',
  },
  {
    title: 'Type',
    text: 'IBM Plex Sans, © IBM Corp., SIL Open Font License 1.1, bundled through Fontsource.',
  },
  {
    title: 'Software',
    text: 'Phaser 4 (MIT), howler.js (MIT), seedrandom (MIT), valibot (MIT), fflate (MIT); built with Vite and TypeScript.',
  },
  {
    title: 'A note',
    text: 'This is a model for learning, not a prediction. Real people lived and died in this war; the game simplifies it to show how its dynamics worked.',
  },
];

/** Map labels and tabs keep place names short; the place panel shows the full name. */
export function shortPlaceName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '').replace(/\bInternational\b/, 'Intl.');
}
