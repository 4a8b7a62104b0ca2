// Types the presentation uses from the sim core, in one place.
export type { PlayerView } from '../sim/fog.ts';
export type { LegacyEnding } from '../sim/hash.ts';
export type { Departure, HistoryRecord } from '../sim/record.ts';
export type { Replay, ReplayFrame, ReplayProblem, VerifiedReplay } from '../sim/replay.ts';
export type {
  Actor,
  BackerRole,
  CeasefireTerms,
  Concept,
  Controller,
  Ending,
  EventDef,
  FormationDef,
  FormationState,
  Order,
  OrderPreview,
  OrderProblem,
  PendingChoice,
  PlaceDef,
  PlayerRole,
  ProblemMessage,
  ReportEvent,
  ReportMessage,
  Result,
  Role,
  Scenario,
  SideId,
  State,
  TalksStage,
  TurnReport,
} from '../sim/types.ts';
export type { OrderWarning } from '../sim/warnings.ts';

import type { OrderPreview, OrderProblem, Result } from '../sim/types.ts';

export type CheckResult = Result<OrderPreview, OrderProblem>;
