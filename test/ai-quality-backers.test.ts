// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
// Every pairing meets its target on these seeds since the third pass on the backers' seats (docs/ai.md): none is short.
const SHORT: string[] = [];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
