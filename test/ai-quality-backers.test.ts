// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  'backer:turkey easy>random',
  'backer:turkey normal>random',
  // Short since rules version 5 (docs/ai.md): 84% on these seeds (91% under version 4).
  'backer:turkey hard>random',
  'backer:russia easy>random',
  'backer:uae easy>random',
  'backer:uae normal>random',
  'backer:uae hard>random',
  'backer:egypt easy>random',
  // Short since rules version 5 (docs/ai.md): 89% on these seeds (97% under version 4).
  'backer:egypt normal>random',
  // Short since rules version 4 (docs/ai.md): 45% with 37 ties on these seeds (41% with 53 under version 5); not yet analysed
  // (a step up's air power now arrives over weeks, which changes what a step is worth in the game).
  'backer:uae hard>normal',
];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
