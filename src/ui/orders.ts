// Orders in words, and which places an order concerns (for the place panel and the map).
import type { ShownState } from '../game/play-session.ts';
import { actorName, placeName as localPlaceName, t } from '../i18n/index.ts';
import type { Order, Scenario } from '../sim/types.ts';

function placeName(s: Scenario, id: string): string {
  return s.map.places.find((p) => p.id === id)?.name ?? id;
}

function formationName(s: Scenario, id: string): string {
  return (s.formations.find((f) => f.id === id) ?? s.reserves.find((f) => f.id === id))?.name ?? id;
}

function backerName(s: Scenario, id: string): string {
  return s.backers.find((b) => b.id === id)?.name ?? id;
}

export function describeOrder(o: Order, s: Scenario): string {
  switch (o.kind) {
    case 'move':
      return `Move ${formationName(s, o.formation)} to ${placeName(s, o.to)}`;
    case 'attack':
      return `Attack ${placeName(s, o.target)} from ${placeName(s, o.from)}`;
    case 'fortify':
      return `Fortify ${placeName(s, o.place)}`;
    case 'airstrike':
      return `Air or drone strike on ${placeName(s, o.target)}`;
    case 'siege':
      return `Besiege ${placeName(s, o.target)}`;
    case 'recruit':
      return `Recruit fighters in ${placeName(s, o.place)}`;
    case 'request-support':
      return `Ask ${backerName(s, o.backer)} for more support`;
    case 'buy-loyalty':
      return `Pay for the loyalty of ${formationName(s, o.formation)}`;
    case 'withdraw':
      return `Withdraw from ${placeName(s, o.from)} to ${placeName(s, o.to)}`;
    case 'oil-terminals':
      return o.open ? 'Reopen the oil terminals' : 'Shut the oil terminals (blockade)';
    case 'pay-salaries':
      return 'Pay salaries across the country';
    case 'public-messaging':
      return 'Public messaging campaign';
    case 'humanitarian-pause':
      return 'Declare a humanitarian pause';
    case 'prisoner-exchange':
      return 'Offer a prisoner exchange';
    case 'propose-ceasefire':
      return 'Propose a ceasefire';
    case 'answer-ceasefire':
      return o.accept ? 'Accept the ceasefire proposal' : 'Reject the ceasefire proposal';
    case 'conference':
      return o.attend ? 'Attend the conference' : 'Boycott the conference';
    case 'shuttle-diplomacy':
      return 'Shuttle diplomacy between the parties';
    case 'convene-conference':
      return 'Convene an international conference';
    case 'enforce-embargo':
      return 'Enforce the arms embargo';
    case 'sanction-spoiler':
      return `Sanction ${formationName(s, o.formation)}`;
    case 'pressure-backer':
      return `Press ${backerName(s, o.backer)} to hold back`;
    case 'humanitarian-corridor':
      return `Open a humanitarian corridor to ${placeName(s, o.place)}`;
    case 'deploy-monitors':
      return 'Deploy ceasefire monitors';
    case 'political-track':
      return 'Advance the political track';
    case 'escalate':
      return 'Step up a rung';
    case 'de-escalate':
      return 'Scale back a rung';
    case 'restrain-client':
      return 'Restrain the client';
    case 'push-client':
      return 'Push the client to fight on';
    case 'answer-request':
      return o.accept ? "Grant the client's request" : "Turn down the client's request";
    case 'deliver-arms':
      return 'Ship a one-off arms delivery';
    case 'declare-red-line':
      return `Declare ${placeName(s, o.place)} a red line`;
    case 'deny-deployment':
      return 'Deny your forces are there';
    case 'admit-deployment':
      return 'Admit your forces openly';
    case 'answer-mediator':
      return o.accept ? "Yield to the mediator's pressure" : 'Rebuff the mediator';
    case 'pressure-rival':
      return `Lobby against ${backerName(s, o.backer)}`;
    case 'raid':
      return `Raid ${placeName(s, o.target)}`;
    case 'extort':
      return 'Demand money from its side';
    case 'defect':
      return 'Change sides';
    case 'event-choice': {
      const event = s.events.find((e) => e.id === o.event);
      const option = event?.choice?.options.find((x) => x.id === o.option);
      return `${event?.title ?? o.event}: ${option?.label ?? o.option}`;
    }
  }
}

/**
 * An order in the player's language (the game screen's panels): the words from the catalogue
 * (game.order.<kind>), places and backers by their names in that language; formations keep their
 * scenario names; an event's choice by the scenario's own words (the shown scenario's, in that
 * language). Never null now; the type keeps callers' English fallback for older callers.
 */
export function describeOrderText(o: Order, s: Scenario): string | null {
  const place = (id: string) => localPlaceName(id, placeName(s, id));
  const backer = (id: string) => {
    const name = actorName(id, 'long');
    return name === id ? backerName(s, id) : name;
  };
  const formation = (id: string) => formationName(s, id);
  const say = (key: string, values?: Record<string, string>) => t(`game.order.${key}`, values);
  switch (o.kind) {
    case 'move':
      return say('move', { formation: formation(o.formation), to: place(o.to) });
    case 'attack':
      return say('attack', { target: place(o.target), from: place(o.from) });
    case 'withdraw':
      return say('withdraw', { from: place(o.from), to: place(o.to) });
    case 'fortify':
    case 'recruit':
    case 'humanitarian-corridor':
    case 'declare-red-line':
      return say(o.kind, { place: place(o.place) });
    case 'airstrike':
    case 'siege':
    case 'raid':
      return say(o.kind, { target: place(o.target) });
    case 'request-support':
    case 'pressure-backer':
    case 'pressure-rival':
      return say(o.kind, { backer: backer(o.backer) });
    case 'buy-loyalty':
    case 'sanction-spoiler':
      return say(o.kind, { formation: formation(o.formation) });
    case 'oil-terminals':
      return say(o.open ? 'oil-terminals.open' : 'oil-terminals.shut');
    case 'answer-ceasefire':
    case 'answer-request':
    case 'answer-mediator':
      return say(`${o.kind}.${o.accept ? 'accept' : 'reject'}`);
    case 'conference':
      return say(o.attend ? 'conference.attend' : 'conference.boycott');
    case 'event-choice': {
      // Scenario content: the shown scenario's title and label, in the player's language.
      const event = s.events.find((e) => e.id === o.event);
      const option = event?.choice?.options.find((x) => x.id === o.option);
      return t('game.order.eventChoice', { event: event?.title ?? o.event, option: option?.label ?? o.option });
    }
    default:
      return say(o.kind);
  }
}

/** The places an order is about, first the one it acts on. */
export function orderPlaces(o: Order, state: Pick<ShownState, 'formations'>): string[] {
  const at = (formation: string) => state.formations.find((f) => f.id === formation)?.location;
  switch (o.kind) {
    case 'move':
      return [o.to, at(o.formation)].filter((x): x is string => !!x);
    case 'attack':
      return [o.target, o.from];
    case 'withdraw':
      return [o.from, o.to];
    case 'fortify':
    case 'recruit':
    case 'humanitarian-corridor':
    case 'declare-red-line':
      return [o.place];
    case 'airstrike':
    case 'siege':
      return [o.target];
    case 'buy-loyalty':
    case 'sanction-spoiler': {
      const loc = at(o.formation);
      return loc ? [loc] : [];
    }
    default:
      return [];
  }
}

/** Orders grouped for the panel: those at a place, and the national ones. */
export function ordersAt(orders: Order[], place: string, state: Pick<ShownState, 'formations'>): Order[] {
  return orders.filter((o) => orderPlaces(o, state).includes(place));
}

export function nationalOrders(orders: Order[], state: Pick<ShownState, 'formations'>): Order[] {
  return orders.filter((o) => o.kind !== 'event-choice' && orderPlaces(o, state).length === 0);
}

export const TERM_NAMES = {
  freezeLines: 'Freeze the front lines',
  heavyWeaponsOut: 'Heavy weapons withdrawn',
  foreignFightersOut: 'Foreign fighters leave',
  monitors: 'International monitors',
  oilReopened: 'Oil exports reopened',
  revenueShared: 'Oil revenue shared',
} as const;

/** Groups for the order list, in the order a commander reads them (`id` names the group in the catalogue: game.group.<id>). */
const GROUPS: { id: string; name: string; kinds: Order['kind'][] }[] = [
  { id: 'fight', name: 'Fight', kinds: ['attack', 'airstrike', 'siege'] },
  { id: 'move', name: 'Move', kinds: ['move', 'withdraw'] },
  { id: 'hold', name: 'Hold and build', kinds: ['fortify', 'recruit', 'buy-loyalty'] },
  { id: 'backers', name: 'Backers', kinds: ['request-support', 'pressure-backer', 'enforce-embargo'] },
  { id: 'ladder', name: 'The ladder', kinds: ['escalate', 'de-escalate', 'answer-request'] },
  { id: 'client', name: 'Your client', kinds: ['push-client', 'restrain-client', 'deliver-arms'] },
  { id: 'redLines', name: 'Red lines', kinds: ['declare-red-line'] },
  { id: 'admit', name: 'What you admit', kinds: ['deny-deployment', 'admit-deployment'] },
  { id: 'diplomacy', name: 'Diplomacy', kinds: ['answer-mediator', 'pressure-rival'] },
  { id: 'oil', name: 'Oil and money', kinds: ['oil-terminals', 'pay-salaries'] },
  { id: 'talks', name: 'Talks', kinds: ['propose-ceasefire', 'answer-ceasefire', 'conference', 'convene-conference', 'shuttle-diplomacy', 'deploy-monitors', 'political-track'] },
  { id: 'people', name: 'People', kinds: ['public-messaging', 'humanitarian-pause', 'prisoner-exchange', 'humanitarian-corridor', 'sanction-spoiler'] },
];

export function groupOrders(orders: Order[]): { id: string; name: string; orders: Order[] }[] {
  const groups = GROUPS.map((g) => ({ id: g.id, name: g.name, orders: orders.filter((o) => g.kinds.includes(o.kind)) }));
  const rest = orders.filter((o) => !GROUPS.some((g) => g.kinds.includes(o.kind)));
  if (rest.length) groups.push({ id: 'other', name: 'Other', orders: rest });
  return groups.filter((g) => g.orders.length > 0);
}
