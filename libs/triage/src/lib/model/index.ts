export { combine, DEFAULT_COMBINE_OPTIONS, type CombineOptions } from './model-combiner';
export { DEFAULT_TRAIN_OPTIONS, isTriageModel, modelWords, predict, trainModel, trainModelSteps, type TrainingProgress } from './linear-model';
export { hashFeatures, hashString } from './text-features';
export * from './triage-model.types';
