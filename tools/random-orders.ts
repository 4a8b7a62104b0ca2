// Random legal orders for one role, as the fuzzer draws them: up to four, each checked against
// those already chosen. Shared by the fuzzer, the message-code tests and tools/hash-check.ts.
import { checkLegalOrder, legalOrders } from '../src/sim/orders.ts';
import type { Rng } from '../src/sim/rng.ts';
import type { Order, PlayerRole, Scenario, State } from '../src/sim/types.ts';

export function randomOrders(scenario: Scenario, state: State, role: PlayerRole, rng: Rng): Order[] {
  const chosen: Order[] = [];
  const legal = legalOrders(scenario, state, role);
  for (let i = 0; i < 4; i++) {
    const options = legal.filter((o) => checkLegalOrder(scenario, state, o, chosen, true).ok);
    if (!options.length) break;
    chosen.push(rng.pick(options));
  }
  return chosen;
}
