// The presentation's one door into the sim core (src/sim/api.md). Scenes and panels call
// the session (session.ts), which calls these functions; nothing else reaches into src/sim.
export {
  checkOrder,
  legalOrders,
  newGameWithReport,
  otherActorsOrders,
  resolveTurn,
  stateHash,
  viewFor,
} from '../sim/index.ts';
