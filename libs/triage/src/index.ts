export { createTriageEngine } from './lib/triage.engine';
export type { TriageEngine, TriageInput, TriageResult } from './lib/triage.types';
export type {
  KeywordRule,
  LexiconRules,
  MisinformationRules,
  ModifierRule,
  NegationRules,
  OpdRoute,
  PlaceCues,
  PlaceKind,
  PlaceRule,
  QuestionRules,
  RuleSet,
  ScoringRules,
  SentimentRules,
  TopicRoutingRule,
  TopicRule,
  UrgencySignalRule,
} from './lib/rule-set.types';
export { TriageRuleSetError, validateRuleSet } from './lib/rule-set.validation';
export { createTextNormalizer, type NormalizedText, type TextNormalizer, type TextNormalizerOptions } from './lib/text-normalizer';
export { DEFAULT_RULE_SET } from './data/default-rule-set';
export {
  DEFAULT_NEAR_DUPLICATE_OPTIONS,
  NearDuplicateClusterer,
  type ClusterAssignment,
  type ClusterMention,
  type ClusterPlace,
  type ClustererStats,
  type KnownCluster,
  type NearDuplicateOptions,
} from './lib/cluster/near-duplicate.clusterer';
export {
  combine,
  DEFAULT_COMBINE_OPTIONS,
  DEFAULT_TRAIN_OPTIONS,
  isTriageModel,
  NO_OPD,
  predict,
  trainModel,
  trainModelSteps,
  type ClassProbability,
  type CombineOptions,
  type HeadPrediction,
  type LinearHead,
  type ModelPrediction,
  type TrainingExample,
  type TrainingProgress,
  type TrainOptions,
  type TriageModel,
} from './lib/model';
