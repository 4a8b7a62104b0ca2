// The outcome explorer's codes in words: its policies, key facts and charted indicators, named
// from the catalogue (locales/<lang>/explorer.json). The core (src/sim/explore.ts) gives ids
// only; the explorer's screen tells them in the player's language and the command line in
// English, through this one module (it reaches nothing but the catalogues, so it runs in Node).
import { t } from '../i18n/index.ts';
import type { ExplorePolicy, IndicatorId } from '../sim/explore.ts';

const POLICY_KEYS: Record<ExplorePolicy, string> = {
  historical: 'explorer.policy.historical',
  'ai-easy': 'explorer.policy.ai-easy',
  'ai-normal': 'explorer.policy.ai-normal',
  'ai-hard': 'explorer.policy.ai-hard',
};
const FACT_KEYS: Record<string, string> = {
  'tripoli-held': 'explorer.fact.tripoli-held',
  'watiya-changes': 'explorer.fact.watiya-changes',
  'tarhuna-changes': 'explorer.fact.tarhuna-changes',
  'front-sirte': 'explorer.fact.front-sirte',
  'oil-blockade': 'explorer.fact.oil-blockade',
  'lna-takes-tripoli': 'explorer.fact.lna-takes-tripoli',
};
const INDICATOR_KEYS: Record<IndicatorId, string> = {
  gnaShare: 'explorer.ind.gnaShare',
  lnaShare: 'explorer.ind.lnaShare',
  gnaStrength: 'explorer.ind.gnaStrength',
  lnaStrength: 'explorer.ind.lnaStrength',
  casualties: 'explorer.ind.casualties',
  oilOutput: 'explorer.ind.oilOutput',
  escalation: 'explorer.ind.escalation',
};

/** A policy in words. */
export const policyLabel = (p: ExplorePolicy): string => t(POLICY_KEYS[p]);
/** A key fact in words (a fact the catalogue does not know is shown by its id). */
export const factLabel = (id: string): string => (FACT_KEYS[id] ? t(FACT_KEYS[id]!) : id);
/** A charted indicator in words. */
export const indicatorLabel = (id: IndicatorId): string => t(INDICATOR_KEYS[id]);
