// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  // Turkey's hard over normal: short since rules version 8 (the Kaniyat stay in Tarhuna; 50%, 58% under version 9, 52% under
  // version 10, ties a third of the pairs), met at 70% under version 9 by the seat's treasury reckoning (issue 14's ladder
  // pass, docs/ai.md) and 57% with the recruit reckoning beside it: the two levels play the same game in a third of these
  // seeds.
  'backer:turkey hard>normal',
  // Easy over random orders, short under version 10 (Russia 76%, the UAE 75%, Egypt 80%): 87, 84, 89% since the sides'
  // commanders recruit only while their treasury lasts to the end of the game (issue 14), which met the UAE's normal and
  // hard (79, 82 → 90, 92%), Egypt's (83, 88 → 93, 96%) and Turkey's (87, 83 → 98, 94%): the client's collapse, unpaid,
  // lost most of those pairs (docs/ai.md, "Ladder pass, issue 14").
  'backer:russia easy>random',
  'backer:uae easy>random',
  'backer:egypt easy>random',
];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
