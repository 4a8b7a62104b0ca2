// Invariants every reachable state and every turn must satisfy. Shared by the fuzzer and other tests.
import type { Order, Scenario, State, TurnReport } from '../../src/sim/index.ts';

export function checkInvariants(scenario: Scenario, before: State, _orders: Order[], after: State, report: TurnReport): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path} is ${value}`);
      else if (value < 0 && !path.endsWith('.momentum') && !path.startsWith('rng')) problems.push(`${path} is negative (${value})`);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(after, '');
  for (const p of scenario.map.places) {
    const c = after.places[p.id]?.controller;
    if (c !== 'gna' && c !== 'lna' && c !== 'local') problems.push(`place ${p.id} has no valid controller (${c})`);
  }
  for (const f of after.formations) {
    if (f.strength <= 0) problems.push(`formation ${f.id} has strength ${f.strength}`);
    if (!Number.isInteger(f.strength)) problems.push(`formation ${f.id} has fractional strength`);
    if (f.loyalty < 0 || f.loyalty > 100) problems.push(`formation ${f.id} loyalty ${f.loyalty}`);
    if ((f.side === 'gna' || f.side === 'lna') && after.places[f.location]?.controller !== f.side) {
      problems.push(`formation ${f.id} (${f.side}) stands in ${f.location}, held by ${after.places[f.location]?.controller}`);
    }
  }
  for (const side of ['gna', 'lna'] as const) {
    const s = after.sides[side];
    for (const k of ['legitimacy', 'cohesion', 'confidence', 'warWeariness'] as const) if (s[k] < 0 || s[k] > 100) problems.push(`${side}.${k} = ${s[k]}`);
    const m = report.ledger.money[side];
    if (!before.ending) {
      const expected = m.start + m.oil + m.backers - m.upkeep - m.orders - m.events;
      if (expected !== m.end) problems.push(`${side} money does not add up: ${JSON.stringify(m)}`);
      if (m.start !== before.sides[side].money || m.end !== s.money) problems.push(`${side} money ledger does not match the states`);
    }
  }
  if (!before.ending) {
    for (const side of ['gna', 'lna', 'none'] as const) {
      const l = report.ledger.strength[side];
      if (l.start + l.recruited + l.deployed - l.lost + l.defectedIn - l.defectedOut !== l.end) problems.push(`${side} strength does not add up: ${JSON.stringify(l)}`);
    }
  }
  if (after.turn > scenario.turns) problems.push(`turn ${after.turn} is past the last turn ${scenario.turns}`);
  return problems;
}
