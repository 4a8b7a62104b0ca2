// Oil, money and the humanitarian toll: who holds the fields, terminals and central bank
// decides who can pay fighters; fighting in cities kills, displaces and wears people down.

import { WAR_BUDGET_PCT } from '../params.ts';
import { backerMoney, hasCentralBank, sideStrength, talksIndex } from '../query.ts';
import type { Scenario, SideId, State } from '../types.ts';
import { SIDES } from '../types.ts';
import { clamp, roundDays, type UnitIndex, worldOf } from '../world.ts';
import { type Ctx, ordersOf, say, sayIf, sideOfActor, spend } from './context.ts';
import { militaryEconomyOrders } from './military.ts';

/** Is this oil place producing or exporting now? */
export function oilFlows(state: State, placeId: string): boolean {
  const p = state.places[placeId];
  if (!p || p.shut || p.siegedBy) return false;
  const blockade = state.country.blockadeBy;
  return !(blockade && p.controller === blockade);
}

/** National oil output in thousand barrels a day. */
export function oilOutput(scenario: Scenario, state: State): number {
  const world = worldOf(scenario);
  let total = 0;
  for (const id of world.oilPlaces) {
    if (!oilFlows(state, id)) continue;
    const capacity = world.place.get(id)?.oilCapacity ?? 0;
    const damage = state.places[id]?.damage ?? 0;
    total += Math.floor((capacity * (200 - damage)) / 200);
  }
  return total;
}

/** The oil money that reaches each side's war chest this turn (million USD). */
export function oilIncome(scenario: Scenario, state: State, output: number): Record<SideId, number> {
  // Per round: a turn of the lesson form is a month of two fortnights, paid one at a time.
  const revenue = Math.floor((output * scenario.rules.oilPrice * roundDays(scenario)) / 1000);
  const war = Math.floor((revenue * WAR_BUDGET_PCT) / 100);
  const share = state.country.revenueShareToOther;
  const holder = SIDES.find((s) => hasCentralBank(scenario, state, s));
  if (!holder) return { gna: Math.floor(war / 2), lna: Math.floor(war / 2) };
  const toOther = Math.floor((war * share) / 100);
  const kept = war - toOther;
  // (One literal whoever holds the bank: one built only when the LNA first held it threw V8's optimised code away mid-batch.)
  return { gna: holder === 'gna' ? kept : toOther, lna: holder === 'gna' ? toOther : kept };
}

/** A side's bill for its units (units: the state's unitIndexOf, when the caller has it). */
export function upkeepOf(scenario: Scenario, state: State, side: SideId, units?: UnitIndex): number {
  const world = worldOf(scenario);
  let total = 0;
  const formations = state.formations;
  for (let i = 0; i < formations.length; i++) {
    const f = formations[i]!;
    if (f.side !== side) continue;
    const def = units ? units.defs[i] : world.formationDef.get(f.id);
    if (!def) continue;
    total += (def.upkeep * f.strength) / def.strength;
  }
  return Math.round(total);
}

export function economyPhase(ctx: Ctx): Record<SideId, boolean> {
  militaryEconomyOrders(ctx);
  for (const o of ordersOf(ctx, 'oil-terminals')) {
    const side = sideOfActor(o.actor);
    if (!side) continue;
    if (!o.open && ctx.s.country.blockadeBy !== side) {
      ctx.s.country.blockadeBy = side;
      say(ctx, {
        mechanic: 'oil',
        msg: { key: 'report.oil.shut', values: { actor: side } },
        actors: [side],
        concept: 'rentier-state',
      });
    } else if (o.open && ctx.s.country.blockadeBy === side) {
      ctx.s.country.blockadeBy = null;
      say(ctx, { mechanic: 'oil', msg: { key: 'report.oil.reopened', values: { actor: side } }, actors: [side], concept: 'rentier-state' });
    }
  }
  const before = ctx.s.country.oilOutput;
  const output = oilOutput(ctx.scenario, ctx.s);
  ctx.s.country.oilOutput = output;
  if (Math.abs(output - before) >= 100) {
    say(ctx, {
      mechanic: 'oil',
      msg: { key: ctx.s.country.blockadeBy ? 'report.oil.outputBlockade' : 'report.oil.output', values: { dir: output < before ? 'fell' : 'rose', before, output, actor: ctx.s.country.blockadeBy ?? '' } },
      concept: 'rentier-state',
    });
  }
  const income = oilIncome(ctx.scenario, ctx.s, output);
  const unpaid: Record<SideId, boolean> = { gna: false, lna: false };
  for (const side of SIDES) {
    const s = ctx.s.sides[side];
    const fromBackers = backerMoney(ctx.scenario, ctx.s, side);
    s.money += income[side] + fromBackers;
    ctx.report.ledger.money[side].oil += income[side];
    ctx.report.ledger.money[side].backers += fromBackers;
    // Salaries worked out every turn, adding nothing when none are paid (values stay within clamp's
    // bounds): the first salaries, met hundreds of games in, threw this phase's optimised code away.
    const pays = ordersOf(ctx, 'pay-salaries').some((o) => o.actor === side);
    s.cohesion = clamp(s.cohesion + (pays ? 6 : 0));
    // (The three regions by name: read by a key that changes, each is V8's generic keyed load.)
    const support = s.support;
    const gain = pays ? 2 : 0;
    support.tripolitania = clamp(support.tripolitania + gain);
    support.cyrenaica = clamp(support.cyrenaica + gain);
    support.fezzan = clamp(support.fezzan + gain);
    sayIf(ctx, pays, { mechanic: 'economy', msg: { key: 'report.salaries', values: { actor: side } }, actors: [side] });
    const bill = upkeepOf(ctx.scenario, ctx.s, side);
    const paid = spend(ctx, side, bill, 'upkeep');
    const short = paid < bill;
    if (short) {
      unpaid[side] = true;
      s.unpaidTurns++;
      s.cohesion = clamp(s.cohesion - 5);
    } else {
      s.unpaidTurns = 0;
    }
    sayIf(ctx, short, {
      mechanic: 'economy',
      msg: { key: 'report.unpaid', values: { actor: side, paid, bill } },
      actors: [side],
      concept: 'rentier-state',
    });
  }
  return unpaid;
}

export function humanitarianPhase(ctx: Ctx, unpaid: Record<SideId, boolean>): void {
  const c = ctx.s.country;
  const killed = ctx.facts.civilians.gna + ctx.facts.civilians.lna + ctx.facts.civilians.none;
  for (const side of ctx.facts.pauses) {
    c.humanitarianAccess = clamp(c.humanitarianAccess + 8);
    ctx.s.sides[side].legitimacy = clamp(ctx.s.sides[side].legitimacy + 2);
  }
  for (const place of ctx.facts.corridors) {
    c.humanitarianAccess = clamp(c.humanitarianAccess + 6);
    say(ctx, { mechanic: 'humanitarian', msg: { key: 'report.corridor', values: { place } }, places: [place] });
  }
  if (killed > 0) c.humanitarianAccess = clamp(c.humanitarianAccess - Math.min(8, Math.ceil(killed / 10)));
  else c.humanitarianAccess = clamp(c.humanitarianAccess + 1);
  // When guns fall silent and aid gets through, some of the displaced go home.
  const calm = ctx.facts.attacks.gna + ctx.facts.attacks.lna === 0;
  if (calm && c.humanitarianAccess >= 50) {
    const back = Math.floor(c.displaced / 50);
    c.displaced -= back;
    if (back > 0) say(ctx, { mechanic: 'humanitarian', msg: { key: 'report.returned', values: { people: back } } });
  }
  const inTruce = talksIndex(ctx.s.talks.stage) >= 2;
  for (const side of SIDES) {
    const s = ctx.s.sides[side];
    let weary = 1 + Math.floor(killed / 25) + Math.floor(ctx.facts.losses[side] / 4) + (unpaid[side] ? 5 : 0);
    if (ctx.s.country.blockadeBy) weary += 1;
    if (inTruce && ctx.facts.attacks[side] === 0) weary -= 4;
    s.warWeariness = clamp(s.warWeariness + weary);
    // Legitimacy: recognition sustains it; foreign troops and mercenaries wear it away.
    const foreign = foreignStrength(ctx, side);
    const foreignCost = Math.min(2, Math.floor(foreign / 25));
    if (foreignCost > 0) s.legitimacy = clamp(s.legitimacy - foreignCost);
    // Standing recovers slowly towards where it began once the causes fade; recognition lifts it further.
    const base = ctx.scenario.sides[side].legitimacy;
    // Read for both sides every turn (not only when standing is low): met first for one side
    // hundreds of games in, a read by a second key threw V8's optimised code away.
    const spared = ctx.facts.civilians[side] === 0;
    if (s.legitimacy < base - 10 && spared) s.legitimacy = clamp(s.legitimacy + 1);
    if (ctx.scenario.sides[side].recognised && s.legitimacy < 60) s.legitimacy = clamp(s.legitimacy + 1);
    if (foreignCost >= 2 && ctx.s.turn % 3 === 0) {
      say(ctx, {
        mechanic: 'legitimacy',
        msg: { key: 'report.foreign.legitimacy', values: { actor: side, fighters: foreign * 100 } },
        actors: [side],
        concept: 'legitimacy',
      });
    }
  }
  c.internationalPressure = clamp(c.internationalPressure + Math.floor(killed / 20) + (c.escalation >= 60 ? 2 : 0) - 1);
  if (killed >= 40) {
    say(ctx, {
      mechanic: 'civilian-harm',
      msg: { key: 'report.civilians', values: { killed } },
      concept: 'civilian-harm',
    });
  }
}

export function foreignStrength(ctx: Ctx, side: SideId): number {
  let total = 0;
  for (const f of ctx.s.formations) {
    if (f.side !== side) continue;
    const kind = ctx.world.formationDef.get(f.id)?.kind;
    if (kind === 'mercenary' || kind === 'foreign-troops') total += f.strength;
  }
  return total;
}

/** Share (percent) of a side's strength that is foreign: how much it depends on its backers. */
export function foreignDependence(scenario: Scenario, state: State, side: SideId): number {
  const world = worldOf(scenario);
  let foreign = 0;
  for (const f of state.formations) {
    // (Only the side's own units' kinds are looked up.)
    if (f.side !== side) continue;
    const kind = world.formationDef.get(f.id)?.kind;
    if (kind === 'mercenary' || kind === 'foreign-troops') foreign += f.strength;
  }
  const total = sideStrength(state, side);
  return total === 0 ? 0 : Math.round((foreign * 100) / total);
}

