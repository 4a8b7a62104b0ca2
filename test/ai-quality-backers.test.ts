// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the historical persona (the calibrated world, docs/ai.md). Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
// None since issue 14's ladder pass of 7 December (helper branch ladder15; docs/ai.md). Met then: Turkey's hard over
// normal (short since rules version 8; 57% → 62%, hard lobbying before it presses its client), and the easy level over
// random orders of Russia (87 → 92%), the UAE (84 → 90%) and Egypt (89 → 93%): easy lobbies whatever it values money at,
// judges the brink by where its step would leave the region, sees an empty treasury, and no longer steps up for another
// patron's threatened red line. The UAE's easy and normal over random orders stand at 90%, on the target.
// Under rules version 11 (docs/ai.md "Rules version 11"), Russia's easy and the UAE's hard over random orders fell to 87
// and 89% with path17's rules, and are met again with ladder pass 17 (easy steps up of its own accord no higher than the
// money rungs; hard sends the money rungs to a client with between one and two bills in hand) and the air against works
// together: 94% and 94%. Turkey's easy over random orders stands at 90%, on the target.
// The capital's front (7 December, helper branch path21, docs/calibration.md): the GNA, its capital pressed and without
// the air, opens no second front. In the games of these seats Turkey's computer patron steps down from a client that holds
// quietly (momentum 0, confidence 45: not "losing", so not saved), the air never turns, and the GNA stays on the defensive
// and runs out of money. The random UAE climbs more than the AI (more LNA air, a GNA held back longer): of the 15 pairs the
// normal UAE lost to random orders, in 6 the random player's GNA collapsed unpaid (the LNA's victory), in 4 the AI's own
// game ended in a regional war and in 3 its own client collapsed. The UAE's normal and hard over random orders 95 → 85%
// and 94 → 83%, Egypt's normal over easy 70 → 59%: listed until a patron weighs a client held back for want of the air.
// A patron that comes to a client pinned on its capital's front for want of the air, whose money will not last the game
// (7 December, helper branch ladder18, clientPinned; docs/ai.md): Egypt's normal over easy 59 → 62%, met; the UAE's normal
// and hard over random orders 85 → 88% and 83 → 87%, still short. Of the 12 pairs the UAE's normal did not win (one a
// tie), in 2 the random player's GNA still collapses unpaid (Turkey, over its budget, steps down while its own money still
// keeps the GNA's treasury afloat, quality-43), in 4 the AI's own game ended in a regional war and in 4 its own client
// collapsed unpaid (the LNA's other patrons leaving late in the game).
// Rules version 12 (the ceasefire and the oil deal apart; docs/calibration.md and docs/ai.md "Rules version 12"): the UAE's
// normal and hard over random orders 91% and 92%, Egypt's normal over easy 60%, met again; the UAE's easy over random
// orders 90 → 89%, short by one pair: of the 11 pairs it did not win, 5 are frozen conflicts on both sides, 5 settlements
// (in 3 on both sides) and one the random player's LNA collapse.
// The easy patron holds its floor at the brink (7 December, helper branch ladder19; docs/ai.md): the UAE's easy over random
// orders 89 → 90%, met again (fresh4 93 → 96%, fresh1 93 → 97%, fresh3 88 → 88%). Of its 10 pairs not won, 6 are by one or
// two points or ties, 2 regional wars of its own game, 2 its own client's collapse unpaid late (the LNA's other patrons gone).
// The historical persona apart from the levels (helper branch ladder20; docs/ai.md): every other actor in these games plays
// the historical persona, which is the normal AI as it was, and the backers' levels did not change: the same figures.
// The ladder in every seat on four prefixes (8 December, helper branch ladder21; docs/ai.md): Egypt's normal and hard lobby
// against Turkey from the drones rung (its score weighs calm 30 above costs 20), normal and hard pay for no campaign at the
// pressure cap, easy scales back from 45: on these seeds Egypt's normal over easy 60 → 78%, Turkey's easy over random 93 → 95%
// (its normal over easy 79 → 76%); measured again under rules version 14 at the merge (docs/ai.md).
const SHORT: string[] = [];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
