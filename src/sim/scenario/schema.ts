// Schemas of the files in levels/: the shared map and the scenarios. Structure is checked
// here; cross-references (a route to an unknown place, an event naming an unknown actor)
// are checked in validate.ts after the structure is known to be sound.
import * as v from 'valibot';
import { ORDER_COST } from '../params.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case id (a-z, 0-9, -)'));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));
const pct = int(0, 100);
const text = (max = 4000) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max));
const isoDate = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));
const source = v.optional(text(400));

export const side = v.picklist(['gna', 'lna']);
export const role = v.picklist(['gna', 'lna', 'mediator']);
/** A role a person may play: a side, the mediator, or `backer:<id>`. */
export const playerRole = v.pipe(v.string(), v.regex(/^(gna|lna|mediator|backer:[a-z0-9-]{1,60})$/, 'must be gna, lna, mediator or backer:<id>'));
const region = v.picklist(['tripolitania', 'cyrenaica', 'fezzan']);
const controller = v.picklist(['gna', 'lna', 'local']);
const placeTag = v.picklist([
  'capital',
  'seat',
  'central-bank',
  'city',
  'port',
  'airbase',
  'oil-terminal',
  'oil-field',
  'crossroads',
  'border-crossing',
  'town',
]);
const talksStage = v.picklist(['none', 'talks', 'truce', 'ceasefire', 'agreement']);
const sideIndicator = v.picklist(['money', 'air', 'airDefence', 'legitimacy', 'cohesion', 'confidence', 'warWeariness']);
const countryIndicator = v.picklist([
  'civilianCasualties',
  'displaced',
  'humanitarianAccess',
  'oilOutput',
  'escalation',
  'internationalPressure',
  'embargoEnforcement',
  'trust',
]);
const concept = v.picklist([
  'ripeness',
  'commitment-problem',
  'spoilers',
  'proxy-war',
  'escalation-spiral',
  'rentier-state',
  'legitimacy',
  'civilian-harm',
  'fragmented-coalitions',
  'security-dilemma',
  'red-line-credibility',
  'embargo-enforcement',
]);

export const placeSchema = v.strictObject({
  id,
  name: text(80),
  lat: v.pipe(v.number(), v.minValue(18), v.maxValue(34.5)),
  lon: v.pipe(v.number(), v.minValue(8), v.maxValue(26.5)),
  region,
  tags: v.pipe(v.array(placeTag), v.minLength(1, 'needs at least one tag')),
  population: int(0, 5000),
  oilCapacity: v.optional(int(0, 2000)),
  defence: v.optional(int(0, 200)),
  leaning: v.optional(v.picklist(['gna', 'lna'])),
  note: v.optional(text(600)),
  source,
});

export const routeSchema = v.strictObject({
  from: id,
  to: id,
  kind: v.picklist(['coastal-road', 'desert-road', 'track']),
  km: int(1, 2000),
});

export const mapSchema = v.strictObject({
  id,
  name: text(120),
  places: v.pipe(v.array(placeSchema), v.minLength(2)),
  routes: v.pipe(v.array(routeSchema), v.minLength(1)),
});

/** An actor's AI personality (types.ts Personality); every key optional. */
const personalitySchema = v.strictObject({
  caution: v.optional(pct),
  resolve: v.optional(pct),
  values: v.optional(
    v.strictObject({ ground: v.optional(pct), oil: v.optional(pct), standing: v.optional(pct), lives: v.optional(pct), money: v.optional(pct) }),
  ),
  redLines: v.optional(v.array(id)),
});

/** An armed group's own agenda (types.ts Agenda): makes the formation an actor. */
const agendaSchema = v.strictObject({
  aggression: pct,
  personality: v.optional(personalitySchema),
  motive: text(200),
});

const formationSchema = v.strictObject({
  id,
  name: text(120),
  side: v.picklist(['gna', 'lna', 'none']),
  kind: v.picklist(['regular', 'militia', 'mercenary', 'foreign-troops', 'extremist']),
  location: id,
  strength: int(1, 2000),
  quality: int(10, 300),
  loyalty: pct,
  upkeep: int(0, 500),
  backer: v.optional(id),
  spoiler: v.optional(v.boolean()),
  defectsTo: v.optional(v.picklist(['gna', 'lna', 'none'])),
  agenda: v.optional(agendaSchema),
  home: v.optional(id),
  note: v.optional(text(600)),
  source,
});

const rung = v.strictObject({
  money: int(0, 2000),
  air: int(0, 100),
  airDefence: int(0, 100),
  deploys: v.optional(v.array(id)),
  cost: int(0, 100),
});

const backerSchema = v.strictObject({
  id,
  name: text(80),
  client: v.picklist(['gna', 'lna', 'none']),
  interests: v.strictObject({
    security: v.optional(pct),
    migration: v.optional(pct),
    energy: v.optional(pct),
    ideology: v.optional(pct),
    bases: v.optional(pct),
    prestige: v.optional(pct),
  }),
  rivals: v.array(id),
  commitment: int(0, 4),
  maxCommitment: int(0, 4),
  costTolerance: int(0, 10000),
  ladder: v.tuple([rung, rung, rung, rung]),
  redLines: v.optional(v.array(id)),
  aggression: pct,
  personality: v.optional(personalitySchema),
  note: v.optional(text(600)),
  source,
});

const regionRecord = v.strictObject({ tripolitania: pct, cyrenaica: pct, fezzan: pct });

const sideSchema = v.strictObject({
  id: side,
  name: text(120),
  shortName: text(12),
  leader: text(120),
  capital: id,
  keyPlaces: v.pipe(v.array(id), v.minLength(1)),
  recognised: v.boolean(),
  money: int(0, 100000),
  air: int(0, 100),
  airDefence: int(0, 100),
  legitimacy: pct,
  cohesion: pct,
  confidence: pct,
  warWeariness: pct,
  support: regionRecord,
  intelligence: pct,
  aggression: pct,
  riskTolerance: pct,
  personality: v.optional(personalitySchema),
  source,
});

const countrySchema = v.strictObject({
  civilianCasualties: int(0, 10_000_000),
  displaced: int(0, 10_000_000),
  humanitarianAccess: pct,
  oilOutput: int(0, 2000),
  escalation: pct,
  internationalPressure: pct,
  embargoEnforcement: pct,
  talks: talksStage,
  trust: pct,
  source,
});

const conditionSchema = v.strictObject({
  controls: v.optional(v.array(v.strictObject({ place: id, by: controller }))),
  talksAtLeast: v.optional(talksStage),
  talksAtMost: v.optional(talksStage),
  commitmentAtLeast: v.optional(v.array(v.strictObject({ backer: id, level: int(0, 4) }))),
  commitmentAtMost: v.optional(v.array(v.strictObject({ backer: id, level: int(0, 4) }))),
  indicatorAtLeast: v.optional(
    v.array(v.strictObject({ side, indicator: sideIndicator, value: int(0, 100000) })),
  ),
  indicatorAtMost: v.optional(
    v.array(v.strictObject({ side, indicator: sideIndicator, value: int(0, 100000) })),
  ),
  countryAtLeast: v.optional(v.array(v.strictObject({ indicator: countryIndicator, value: int(0, 10_000_000) }))),
  countryAtMost: v.optional(v.array(v.strictObject({ indicator: countryIndicator, value: int(0, 10_000_000) }))),
  oilBlockaded: v.optional(v.boolean()),
  eventFired: v.optional(v.array(id)),
  eventNotFired: v.optional(v.array(id)),
  chance: v.optional(int(1, 100)),
});

const delta = int(-100000, 100000);
const effectSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('side'), side, indicator: sideIndicator, delta }),
  v.strictObject({ kind: v.literal('country'), indicator: countryIndicator, delta }),
  v.strictObject({ kind: v.literal('commitment'), backer: id, delta: int(-4, 4) }),
  v.strictObject({ kind: v.literal('loyalty'), formation: id, delta: int(-100, 100) }),
  v.strictObject({ kind: v.literal('control'), place: id, to: controller }),
  v.strictObject({ kind: v.literal('deploy'), formation: id }),
  v.strictObject({ kind: v.literal('redeploy'), formation: id, to: id }),
  v.strictObject({ kind: v.literal('fall-back'), side, from: v.pipe(v.array(id), v.minLength(1, 'a fall-back needs at least one place to leave')), to: id }),
  v.strictObject({ kind: v.literal('blockade'), on: v.boolean(), by: side }),
  v.strictObject({ kind: v.literal('talks'), stage: talksStage }),
  v.strictObject({ kind: v.literal('trust'), delta: int(-100, 100) }),
  v.strictObject({ kind: v.literal('concept'), concept }),
]);

const eventSchema = v.strictObject({
  id,
  title: text(120),
  date: isoDate,
  lateDays: v.optional(int(0, 400)),
  text: text(1500),
  when: v.optional(conditionSchema),
  actors: v.optional(v.array(id)),
  places: v.optional(v.array(id)),
  effects: v.array(effectSchema),
  choice: v.optional(
    v.strictObject({
      role,
      options: v.pipe(
        v.array(v.strictObject({ id, label: text(80), hint: text(400), outcome: v.optional(text(400)), effects: v.array(effectSchema) })),
        v.minLength(2, 'a choice needs at least two options'),
      ),
    }),
  ),
  concept: v.optional(concept),
  historical: v.boolean(),
  claim: v.optional(v.strictObject({ by: text(160), date: isoDate, disputedBy: v.optional(text(240)) })),
  terms: v.optional(v.array(id)),
  source,
});

/** A counterfactual switch ("what if…?"): applied to a copy of the scenario by src/sim/whatif.ts. */
const whatIfEffectSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('backer-out'), backer: id }),
  v.strictObject({ kind: v.literal('embargo'), level: int(0, 90) }),
  v.strictObject({ kind: v.literal('no-event'), event: id }),
  v.strictObject({ kind: v.literal('loyal'), formation: id }),
]);

const whatIfSchema = v.strictObject({
  id,
  label: text(80),
  description: text(600),
  effects: v.pipe(v.array(whatIfEffectSchema), v.minLength(1, 'a what-if needs at least one effect')),
});

/** Any kind of order (whether the step's order is legal when it comes up is checked by the tutorial's tests). */
const orderKind = v.picklist(Object.keys(ORDER_COST) as (keyof typeof ORDER_COST)[]);

/** A tutorial step (src/ui/tutorial.ts shows them one at a time; its goal says when it is done). */
const tutorialStepSchema = v.strictObject({
  id,
  title: text(80),
  text: text(700),
  goal: v.variant('kind', [
    v.strictObject({ kind: v.literal('next') }),
    v.strictObject({ kind: v.literal('select'), place: id }),
    v.strictObject({ kind: v.literal('queue'), order: orderKind, place: v.optional(id) }),
    v.strictObject({ kind: v.literal('turn'), turn: int(2, 100) }),
    v.strictObject({ kind: v.literal('report') }),
    v.strictObject({ kind: v.literal('glossary') }),
  ]),
  highlight: v.optional(v.picklist(['end-turn', 'orders', 'queue', 'national-tab', 'report-button', 'glossary-button', 'indicators'])),
  place: v.optional(id),
});

const weights = v.strictObject({
  territory: pct,
  lives: pct,
  legitimacy: pct,
  stability: pct,
  escalation: pct,
});

const objectivesSchema = v.strictObject({
  summary: text(400),
  goals: v.pipe(v.array(text(300)), v.minLength(1)),
  weights,
});

export const scenarioFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id,
  title: text(120),
  subtitle: text(300),
  map: id,
  startDate: isoDate,
  turnDays: int(1, 60),
  turns: int(1, 100),
  lesson: v.optional(
    v.strictObject({
      turns: int(8, 10),
      turnDays: int(28, 31),
      rounds: v.literal(2),
      note: text(600),
    }),
  ),
  control: v.record(id, controller),
  sides: v.strictObject({ gna: sideSchema, lna: sideSchema }),
  formations: v.pipe(v.array(formationSchema), v.minLength(2)),
  reserves: v.array(formationSchema),
  backers: v.array(backerSchema),
  country: countrySchema,
  rules: v.strictObject({
    orderBudget: v.strictObject({ gna: int(1, 10), lna: int(1, 10), mediator: int(1, 10) }),
    defectionThreshold: pct,
    settlementTurns: int(1, 50),
    catastropheCasualties: int(1, 10_000_000),
    oilPrice: int(1, 300),
    revenueShareToOther: pct,
  }),
  events: v.array(eventSchema),
  objectives: v.strictObject({ gna: objectivesSchema, lna: objectivesSchema, mediator: objectivesSchema }),
  briefing: v.strictObject({ gna: text(3000), lna: text(3000), mediator: text(3000) }),
  history: v.array(v.strictObject({ date: isoDate, text: text(600), source })),
  playable: v.pipe(v.array(playerRole), v.minLength(1)),
  backerRoles: v.optional(v.record(id, v.strictObject({ objectives: objectivesSchema, briefing: text(3000), intelligence: pct }))),
  mediator: v.optional(v.strictObject({ name: text(120), aggression: pct, personality: v.optional(personalitySchema), source })),
  whatIfs: v.optional(v.array(whatIfSchema)),
  tutorial: v.optional(v.pipe(v.array(tutorialStepSchema), v.minLength(1, 'a tutorial needs at least one step'))),
});

export type ScenarioFile = v.InferOutput<typeof scenarioFileSchema>;
export type MapFile = v.InferOutput<typeof mapSchema>;

/** levels/glossary.json: the concept cards and the glossary of actors, places and terms. */
export const glossarySchema = v.strictObject({
  $schema: v.optional(v.string()),
  concepts: v.pipe(
    v.array(
      v.strictObject({
        id: concept,
        title: text(80),
        plain: text(1200),
        example: text(1200),
        inGame: text(800),
        source: text(600),
      }),
    ),
    v.length(12, 'there must be one card for each of the twelve concepts'),
  ),
  entries: v.array(
    v.strictObject({
      id,
      kind: v.picklist(['actor', 'place', 'term']),
      name: text(120),
      text: text(1200),
      source: v.optional(text(600)),
    }),
  ),
});

export type GlossaryFile = v.InferOutput<typeof glossarySchema>;

/**
 * levels/primer.json: "Before you play" (how the war began, shown before the first briefing of a
 * historical scenario and in the glossary) and the epilogue every ending screen shows (what came
 * after). Each step is dated in words, names the places a small map highlights, and cites its source.
 */
const primerStep = v.strictObject({
  id,
  /** The step's short name on its tab, e.g. "2011" or "Elections". */
  tab: text(24),
  /** The step's date as the player reads it, e.g. "February–October 2011". */
  when: text(60),
  title: text(80),
  text: text(900),
  /** Places of the shared map (levels/maps/libya.json) the small map highlights for this step. */
  places: v.array(id),
  /** Where it happened, when that is abroad and off the map (a conference venue). */
  abroad: v.optional(text(80)),
  /** Glossary entries the step's text relies on (the primer links them). */
  terms: v.optional(v.array(id)),
  source: text(600),
});

const primerPart = v.strictObject({
  title: text(80),
  intro: text(600),
  steps: v.pipe(v.array(primerStep), v.minLength(1, 'needs at least one step')),
});

export const primerSchema = v.strictObject({
  $schema: v.optional(v.string()),
  /** The map whose places the steps name. */
  map: id,
  primer: primerPart,
  epilogue: primerPart,
});

export type PrimerFile = v.InferOutput<typeof primerSchema>;

/** A change of hands in the record: from this date the place was held by `to`. */
const recordChange = v.strictObject({
  date: isoDate,
  to: controller,
  /** The date as a sentence says it ("on 13 April 2020", "in April 2019"). */
  when: text(80),
});

/**
 * The record (levels/record.json): who held the key places through the war, the oil blockade,
 * and how far the backers went. The turn report compares each war with it ("Left history here").
 */
export const recordSchema = v.strictObject({
  $schema: v.optional(v.string()),
  about: text(800),
  span: v.strictObject({ from: isoDate, to: isoDate }),
  places: v.array(
    v.strictObject({
      place: id,
      /** Who held it at the start of the span. */
      held: controller,
      changes: v.optional(v.array(recordChange)),
    }),
  ),
  blockade: v.strictObject({ by: side, from: isoDate, to: isoDate, fromWhen: text(40), toWhen: text(40) }),
  /** Scenario events whose deaths the UN's counts for their months do not include (and why): the calibration leaves them out of the toll. */
  tollExcludes: v.optional(v.array(v.strictObject({ event: id, why: text(300) }))),
  backers: v.array(
    v.union([
      v.strictObject({ backer: id, atMost: int(0, 4), text: text(300) }),
      v.strictObject({ backer: id, rung: int(1, 4), notBefore: isoDate, text: text(300) }),
    ]),
  ),
});

export type RecordFile = v.InferOutput<typeof recordSchema>;
