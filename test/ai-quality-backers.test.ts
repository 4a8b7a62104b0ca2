// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  // Turkey's hard over normal: short since rules version 8 (the Kaniyat stay in Tarhuna; 50%, 58% under version 9, 30
  // ties), met at 70% by the seat's treasury reckoning (issue 14's ladder pass, docs/ai.md), and short again, 56% (30
  // ties), since the sides' commanders recruit only while their treasury lasts to the end of the game: the two levels
  // play the same game in a third of these seeds (on 300 fresh seeds 54–61%, 80–97 ties).
  'backer:turkey hard>normal',
  // (Russia's easy over random orders, 87% here under version 9, and the UAE's easy, normal and hard, 80, 81, 81%, are met
  // since the sides' commanders recruit only while their treasury lasts to the end of the game: 93% and 90, 94, 92%. The
  // client's collapse, unpaid, lost most of those pairs. docs/ai.md, "Ladder pass, issue 14".)
];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
