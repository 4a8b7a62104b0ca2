// The public face of the simulation core. See api.md.
export { aiOrders, otherActorsOrders } from './ai.ts';
export { addDays, turnDate } from './dates.ts';
export { type PlayerView, viewFor } from './fog.ts';
export { type CeasefireForecast, ceasefireForecast, forecastMsgs } from './forecast.ts';
export { canonicalJson, hashMatches, hashText, type LegacyEnding, stateHash } from './hash.ts';
export { actorsOf, budgetOf, checkLegalOrder, checkOrder, legalOrders, orderSchema, TERM_PACKAGES } from './orders.ts';
export { ORDER_COST } from './params.ts';
export { type GameRecord, type Policy, playGame, playWithOrders, replayOrders } from './play.ts';
export * as query from './query.ts';
export { type Departure, departures, type HistoryRecord, HistoryTrack, heldOn } from './record.ts';
export {
  decodeUtf8,
  issueMsg,
  loadReplay,
  makeReplay,
  parseReplay,
  parseReplayBytes,
  parseUntrustedJson,
  REPLAY_LIMITS,
  REPLAY_VERSION,
  type Replay,
  type ReplayFrame,
  type ReplayProblem,
  type ReplayResult,
  replayText,
  scenarioHash,
  type VerifiedReplay,
  type VerifyOptions,
  verifyReplay,
} from './replay.ts';
export { canonicalOrders, resolveTurn } from './resolve.ts';
export { backerOrderCheck, deliveryExposureOdds, deliveryMoney, denialExposureOdds, hasDeployment, redLinesOf, rungCost } from './rules/backer-orders.ts';
export { escalationIndex } from './rules/backers.ts';
export { oilOutput } from './rules/economy.ts';
export { airstrikeOdds, attackOdds } from './rules/military.ts';
export { backerScore, backerStanding, endingMsg, roleScore } from './rules/outcome.ts';
export { ceasefireCalculus, DEFAULT_TERMS } from './rules/talks.ts';
export { formatProblems, LESSON_SUFFIX, loadGlossary, loadPrimer, loadRecord, loadScenario, parseMap, type RawFile, type ScenarioProblem, scenarioForm } from './scenario/load.ts';
export { initialState, newGame, newGameWithReport } from './setup.ts';
export * from './types.ts';
export { RULES_VERSION } from './version.ts';
export { type OrderWarning, orderWarnings } from './warnings.ts';
export { applyWhatIfs, listWhatIfs, unknownWhatIf, unknownWhatIfMsg } from './whatif.ts';
export { periodOf } from './world.ts';
