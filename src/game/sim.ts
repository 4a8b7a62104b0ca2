// The presentation's one door into the sim core (src/sim/api.md). Scenes and panels call
// the session (session.ts), which calls these functions; nothing else reaches into src/sim.
export {
  checkOrder,
  decodeUtf8,
  legalOrders,
  makeReplay,
  newGameWithReport,
  orderSchema,
  otherActorsOrders,
  parseReplay,
  parseReplayBytes,
  parseUntrustedJson,
  REPLAY_LIMITS,
  replayText,
  resolveTurn,
  scenarioHash,
  stateHash,
  verifyReplay,
  viewFor,
} from '../sim/index.ts';
