// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  // (Turkey's hard over normal, short since rules version 8 (50%, then 58% under version 9, 30 ties), is met since the seat
  // reckons both sides' treasuries to the end of the game: 70% here, 66–71% on 300 fresh seeds; docs/ai.md "Ladder pass,
  // issue 14".)
  // Short since rules version 9 (units settle into their positions; docs/ai.md "Rules version 9"), on these seeds:
  // Russia's easy over random orders 87%, the UAE's easy, normal and hard 80, 81, 81% (90, 95, 91% under version 8; 80, 82,
  // 82% after the treasury reckoning of issue 14's ladder pass, which left them short: their lost pairs are mostly games whose
  // ending turned on a collapse, the client's in the seat's game or the enemy's in the random player's).
  // On 300 fresh seeds ("fresh") the two versions are within a few pairs of each other: the UAE's 89.3/88.0/87.7%
  // under version 8 against 87.7/89.7/84.7%, Russia's easy 84.3 against 88.7%. Egypt's three shortfalls of
  // version 8 are met under version 9 (94, 96% over random, 65% normal over easy).
  'backer:russia easy>random',
  'backer:uae easy>random',
  'backer:uae normal>random',
  'backer:uae hard>random',
];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
