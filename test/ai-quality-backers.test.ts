// The difficulty ladder in the backers' seats (Turkey, Russia, the UAE, Egypt in sirte-2020): the
// AI in the seat at each level against the level below it and against random legal orders, every
// other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role backer:<id>`. See test/ai-ladder.ts.
import { ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the sides' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  // Short on these seeds (docs/ai.md, "The backers' seats"), measured with rules version 5 and the
  // backer-seat AI of 6 December: Turkey's easy, the UAE's three levels, Egypt's easy (88%). Most
  // pairs the AI loses are games in which its client is beaten, or (the UAE's) a regional war that
  // the patrons on the ladder above it start.
  'backer:turkey easy>random',
  'backer:uae easy>random',
  'backer:uae normal>random',
  'backer:uae hard>random',
  'backer:egypt easy>random',
  // Rules version 6 (docs/calibration.md): Russia's easy level beats random orders in 89 of 100 pairs
  // (90 needed; it met it under version 5). Not traced yet: the longer war (fewer early truces) is
  // the likely link.
  'backer:russia easy>random',
];

ladderSuite(['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'], RUNS, 'quality', SHORT);
