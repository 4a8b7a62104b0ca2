// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  // Short since rules version 7 (met under version 6; docs/ai.md): 88% both on these seeds, by two pairs.
  // Of Egypt's 12 lost pairs, in 5 the random patron's war ended in a settlement (which version 7 makes rarer)
  // while the easy seat's froze, and in 4 the LNA won it (3 victories, one GNA collapse). Of the UAE's 12, in 4 the
  // random patron's war ended in a settlement (in 2 of them the easy seat's in a regional war), in 3 the GNA
  // collapsed, and in 4 both froze, the random patron's at a lower escalation. (The UAE's is met under version 8: 90%.)
  'backer:egypt easy>random',
  // Short since rules version 8 (the Kaniyat stay in Tarhuna; docs/ai.md): Turkey's hard over normal 50% (35 ties),
  // Egypt's normal over easy 54% (39 ties) and over random orders 89%.
  'backer:turkey hard>normal',
  'backer:egypt normal>easy',
  'backer:egypt normal>random',
];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
