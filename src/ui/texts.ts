// Fixed text of the shell: how to play, credits, the concept glossary, names of things.
// Written for the game, in our own words; facts follow the project's reference notes.
import type { Concept, EndingKind, Mechanic, Phase, Role, TalksStage } from '../sim/types.ts';

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

export interface ConceptText {
  name: string;
  plain: string;
  example: string;
}

export const CONCEPTS: Record<Concept, ConceptText> = {
  ripeness: {
    name: 'Ripeness',
    plain:
      'A war is "ripe" for a deal when both sides are hurting and neither expects to win by fighting on. A side that believes it is winning has little reason to sign: it weighs what the deal gives against what one more push might bring.',
    example:
      'After taking Sirte in January 2020 the LNA brushed aside calls for a ceasefire. Only in the autumn, with the front frozen and oil revenue gone for both sides, did a lasting ceasefire become possible.',
  },
  'commitment-problem': {
    name: 'Commitment problem',
    plain:
      'Each side fears the other will use a pause to rearm and strike again. Without someone to watch the lines or guarantee the terms, a truce is a promise nobody can enforce, and violations wear away what trust there was.',
    example: 'The January 2020 truce was never signed by Haftar; with no monitors in place, shelling around Tripoli resumed within days.',
  },
  spoilers: {
    name: 'Spoilers',
    plain:
      'Some groups do better from war than from peace: militias that tax checkpoints, mercenaries paid by the month, extremists who want chaos. They act to wreck talks, often just as talks move forward.',
    example: 'Shelling of Tripoli during the Berlin and Geneva rounds, and the blockade of the oil terminals on the eve of the Berlin conference.',
  },
  'proxy-war': {
    name: 'Proxy war: principals and agents',
    plain:
      'Foreign backers arm and pay a Libyan side, but they pursue their own aims — gas fields, bases, rivalries at home. They can push their client forward, hold it back, or strike a deal over its head.',
    example: 'In January 2020 Turkey and Russia, backing opposite sides, called a ceasefire together before either Libyan party had agreed to one.',
  },
  'escalation-spiral': {
    name: 'Escalation spiral',
    plain:
      "Each backer answers its rival's escalation with its own: money, then mercenaries, then drones and air defence, then its own forces. Each step seems defensive to the one who takes it; together they can slide toward a regional war.",
    example: 'Emirati drones and Russian mercenaries were answered by Turkish drones and troops; Russian jets then arrived at al-Jufra, and Egypt threatened to intervene.',
  },
  'rentier-state': {
    name: 'Oil and the rentier state',
    plain:
      "Libya's state lives on oil revenue, paid through the central bank in Tripoli. Whoever holds the fields and terminals can shut the flow; whoever holds the bank decides who gets paid. Salaries keep fighters loyal, so oil is a weapon.",
    example: 'The January 2020 blockade of the eastern terminals cut output from over a million barrels a day to under a hundred thousand.',
  },
  legitimacy: {
    name: 'Legitimacy',
    plain:
      'International recognition opens doors: arms deals, frozen funds, seats at conferences. Atrocities, attacks on civilians and reliance on foreign fighters cost a side that standing, at home and abroad.',
    example: "The GNA's UN recognition kept the central bank and the oil revenue flowing through Tripoli even while it was losing ground.",
  },
  'civilian-harm': {
    name: 'Civilian harm',
    plain:
      'Air strikes and shelling in towns kill and displace civilians. Every such strike costs the side that made it support in that region and standing abroad, and feeds the will to fight on.',
    example: 'The July 2019 air strike on the Tajoura migrant detention centre killed dozens and drew worldwide condemnation.',
  },
  'fragmented-coalitions': {
    name: 'Fragmented coalitions',
    plain:
      'Neither side is a single army. Each is a coalition of militias and allied towns with their own interests and loyalties. When pay stops or the front turns, units switch sides — and a town can flip without a battle.',
    example: 'Gharyan fell back to the GNA in June 2019 when local forces turned; in June 2020 Tarhuna changed hands as the Kaniyat collapsed.',
  },
};

export const HOW_TO_PLAY: { title: string; text: string[] }[] = [
  {
    title: 'The aim',
    text: [
      'Choose a side — the Tripoli government, the Libyan National Army, or the mediator — and play a scripted historical start. Each role has its own goals and a score in five parts: territory, lives spared, legitimacy, stability and escalation avoided.',
    ],
  },
  {
    title: 'A turn',
    text: [
      'Each turn covers one or two weeks. Events fire first, some with a choice for you. Then you give a few orders: the budget in the top bar says how many. Press End turn (or Enter) and the turn resolves in a fixed order: diplomacy, movement, ground combat, air war, money and oil, civilians, foreign backers, talks.',
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
    text: 'The scenarios follow the public record of the 2019–2020 war: news agencies, UN and UNSMIL statements, humanitarian agencies and think-tank analysis. Figures that sources dispute are given as ranges. All text in the game is written anew; nothing is quoted.',
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
