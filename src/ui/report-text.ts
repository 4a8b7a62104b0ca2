// The turn report's events in the player's language. The core writes each event as a message
// code (ReportEvent.msg: a key of locales/<lang>/report.json and its values, ids and numbers);
// this module tells it: ids become names (actorName, placeName; formations keep their scenario
// names, which are scenario content), nested codes are told in turn. The core writes no
// sentence beside the code: the English comes from the English catalogue, as every language's.
//
// Value names say what a value is (see ReportMessage in src/sim/types.ts):
//   actor*      a side ('gna', 'lna'), 'none' (local forces), 'mediator' or a backer id
//   backer*     a backer id (its name, or the scenario's when the catalogue has none)
//   place*      a place id             formation*  a formation id (its scenario name)
//   *List       ids joined by "|", shown as a list ("A and B")
//   who*        as actor*, but the mediator is "The mediator" (at the head of a sentence)
//   *Msg        another report key, told with the same values; *Msgs: several, joined by "|"
//               (told joined by "; "); *Items: the same, told joined by ", "
// Added for the AI's reasons, the ceasefire forecast and "Left history here" (reasons.json):
//   site*       a place id, its name without the gloss in brackets ("al-Jufra")
//   motive*     a formation id: its agenda's motive (scenario content)
//   record*     a key of the record's content catalogue (locales/<lang>/content/record.json,
//               "places.8.changes.0.when"): the record's own words (English: levels/record.json)
import record from '../../levels/record.json';
import { contentText } from '../i18n/content-text.ts';
// Added for the orders' previews, refusals and warnings (locales/<lang>/orders.json):
//   placeShort* a place id, named without its parenthesis ("Benghazi", not "Benghazi (Rajma, Benina)")
//   *Series     ids joined by "|", told joined by ", " (each id named by the prefix, as *List)
import { actorName, has, isRtl, lang, langTag, placeName, t } from '../i18n/index.ts';
import type { ReportEvent, ReportMessage, Scenario } from '../sim/types.ts';
import { worldOf } from '../sim/world.ts';
import { isolate } from './bidi.ts';

let current: Scenario | null = null;

/** The scenario whose formation, place and backer names the report uses (set when a game opens). */
export function setReportScenario(scenario: Scenario | null): void {
  current = scenario;
}

/** Runs `f` (which writes report lines) with `scenario`'s names. */
export function withReportScenario<T>(scenario: Scenario, f: () => T): T {
  const before = current;
  current = scenario;
  try {
    return f();
  } finally {
    current = before;
  }
}

function backerName(id: string, scenario: Scenario | null): string {
  const bare = id.replace(/^backer:/, '');
  if (has(`names.actor.${bare}.long`)) return actorName(bare, 'long');
  if (has(`names.actor.${bare}`)) return actorName(bare);
  return scenario?.backers.find((b) => b.id === bare)?.name ?? bare;
}

function sideOrActor(id: string, scenario: Scenario | null): string {
  if (id === 'none') return t('report.localForces');
  if (id === 'gna' || id === 'lna' || id === 'mediator') return actorName(id);
  return backerName(id, scenario);
}

/** A scripted event's title or text, or a choice's label or outcome ("<event>/<option>"): scenario content. */
function scripted(name: string, id: string, scenario: Scenario | null): string {
  const [eventId, optionId] = id.split('/');
  const def = scenario?.events.find((e) => e.id === eventId);
  const option = def?.choice?.options.find((o) => o.id === optionId);
  if (name === 'eventTitle') return def?.title ?? id;
  if (name === 'eventText') return def?.text ?? id;
  if (name === 'optionLabel') return option?.label ?? id;
  return option?.outcome ?? '';
}

/** The English of a record text by its catalogue key (a path into levels/record.json). */
function recordEnglish(key: string): string {
  let at: unknown = record;
  for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === 'string' ? at : key;
}

function one(name: string, id: string, scenario: Scenario | null): string {
  // Scenario content (English until the scenarios are translated) is isolated left to right
  // inside a right-to-left sentence, so that its words and punctuation keep their order.
  if (name.startsWith('event') || name.startsWith('option')) {
    const text = scripted(name, id, scenario);
    return text ? isolate(text) : text;
  }
  if (name.startsWith('record')) return contentText('record', id, recordEnglish(id));
  if (name.startsWith('site')) return placeName(id, scenario ? worldOf(scenario).place.get(id)?.name : undefined).replace(/\s*\(.*\)$/, '');
  if (name.startsWith('motive')) {
    const motive = scenario ? worldOf(scenario).formationDef.get(id)?.agenda?.motive : undefined;
    return motive ? isolate(motive) : id;
  }
  if (name.startsWith('who')) return id === 'mediator' ? t('report.who.mediator') : sideOrActor(id, scenario);
  if (name.startsWith('actor')) return sideOrActor(id, scenario);
  if (name.startsWith('backer')) return backerName(id, scenario);
  if (name.startsWith('placeShort')) return placeName(id, scenario ? worldOf(scenario).place.get(id)?.name : undefined).replace(/\s*\(.*\)$/, '');
  if (name.startsWith('place')) return placeName(id, scenario ? worldOf(scenario).place.get(id)?.name : undefined);
  if (name.startsWith('formation')) return isolate((scenario ? worldOf(scenario).formationDef.get(id)?.name : undefined) ?? id);
  return id;
}

function values(msg: ReportMessage, scenario: Scenario | null): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.values)) {
    if (typeof value === 'number' || name.endsWith('Msg') || name.endsWith('Msgs') || name.endsWith('Items')) continue;
    if (name.endsWith('List')) out[name] = joinList(value.split('|').map((id) => one(name, id, scenario)));
    else if (name.endsWith('Series')) out[name] = value.split('|').map((id) => one(name, id, scenario)).join(t('report.join.comma'));
    else out[name] = one(name, value, scenario);
  }
  for (const [name, value] of Object.entries(msg.values)) if (typeof value === 'number') out[name] = value;
  // Nested messages last, lists of them first: a nested message may use the other values.
  for (const [name, value] of Object.entries(msg.values)) {
    if (typeof value === 'string' && name.endsWith('Msgs')) out[name] = value ? value.split('|').map((key) => t(key, { ...msg.values, ...out })).join(t('report.join.reasons')) : '';
    if (typeof value === 'string' && name.endsWith('Items')) out[name] = value ? value.split('|').map((key) => t(key, { ...msg.values, ...out })).join(t('report.join.comma')) : '';
  }
  for (const [name, value] of Object.entries(msg.values)) {
    if (typeof value === 'string' && name.endsWith('Msg')) out[name] = value ? t(value, { ...msg.values, ...out }) : '';
  }
  return out;
}

/** "A and B" ("A and B and C": the report's English joins every pair). */
function joinList(items: string[]): string {
  return items.join(t('report.join.and'));
}

/**
 * An event's sentence as an inline element marked with the current language and direction (so
 * that inside a layer still marked English, an Arabic sentence reads right to left).
 */
export function eventSpan(ev: ReportEvent, options: { scenario?: Scenario | null; round?: boolean } = {}): HTMLElement {
  const span = document.createElement('span');
  span.className = 'event-text';
  span.textContent = eventText(ev, options);
  if (lang() !== 'en') {
    span.lang = langTag();
    span.dir = isRtl() ? 'rtl' : 'ltr';
  }
  return span;
}

/** A message as an inline element in the current language, marked with it (as eventSpan). */
export function messageSpan(msg: ReportMessage, scenario: Scenario | null = current, tag: 'span' | 'li' | 'p' = 'span'): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = messageText(msg, scenario);
  if (lang() !== 'en') {
    el.lang = langTag();
    el.dir = isRtl() ? 'rtl' : 'ltr';
  }
  return el;
}

/**
 * A message code of the core in the current language, told with `scenario`'s names: a report's
 * sentence, or what the core says about an order — why it is refused (OrderProblem), its
 * preview's summary, risks and cost (OrderPreview), a warning (OrderWarning).
 */
export function messageText(msg: ReportMessage, scenario: Scenario | null = current): string {
  return t(msg.key, values(msg, scenario));
}

/**
 * An event of the turn report in the current language. `round: false` leaves out the
 * "Second fortnight:" lead (a section of the report that says it already).
 */
export function eventText(ev: ReportEvent, options: { scenario?: Scenario | null; round?: boolean } = {}): string {
  const text = messageText(ev.msg, options.scenario === undefined ? current : options.scenario);
  return ev.round && options.round !== false ? t('report.round.second', { text }) : text;
}

