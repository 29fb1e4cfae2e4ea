export { createTriageEngine } from './lib/triage.engine';
export type { TriageEngine, TriageInput, TriageResult } from './lib/triage.types';
export type {
  KeywordRule,
  LexiconRules,
  ModifierRule,
  NegationRules,
  OpdRoute,
  PlaceCues,
  PlaceKind,
  PlaceRule,
  RuleSet,
  ScoringRules,
  TopicRoutingRule,
  TopicRule,
  UrgencySignalRule,
} from './lib/rule-set.types';
export { TriageRuleSetError, validateRuleSet } from './lib/rule-set.validation';
export { createTextNormalizer, type NormalizedText, type TextNormalizer } from './lib/text-normalizer';
export { DEFAULT_RULE_SET } from './data/default-rule-set';
export {
  DEFAULT_NEAR_DUPLICATE_OPTIONS,
  NearDuplicateClusterer,
  type ClusterAssignment,
  type ClusterMention,
  type ClustererStats,
  type KnownCluster,
  type NearDuplicateOptions,
} from './lib/cluster/near-duplicate.clusterer';
