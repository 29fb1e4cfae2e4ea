import { Inject, Injectable, Logger } from '@nestjs/common';
import { TRIAGE_MODEL_ACTIVATED_CHANNEL, type ModelTrainingJobData, type TriageModelView } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import { TriageModelsRepository, TriageService } from '@sigap/server/triage';
import { combine, predict, trainModelSteps, type TrainingExample, type TriageModel, type TriageResult } from '@sigap/triage';
import type Redis from 'ioredis';
import { CorrectionsRepository } from './corrections.repository';
import { doesNoWorse, scores } from './model-metrics';
import { findEvalDir, loadSeedExamples, type SeedExample } from './seed-examples';
import { mapTriageModel } from './triage-model.mapper';

/** A correction is a message the rules read wrongly: it counts for more than a seed example. */
export const CORRECTION_WEIGHT = 3;
/** The most corrections one training reads (the latest correction of each mention). */
export const MAX_TRAINING_CORRECTIONS = 20_000;

const isArea = (code: string): boolean => code.startsWith('KEC-') || code.startsWith('KEL-');
const primaryOpd = (result: TriageResult): string => result.opd.find((tag) => !isArea(tag.code))?.code ?? '(none)';
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Trains a model from the seed examples (the development part of libs/triage/eval) and the
 * admins' corrections, measures rules only against rules + model on the held-out part, stores the
 * new version and activates it only when it does no worse. The event loop is given back between
 * epochs and between evaluation chunks, so the ingest worker in the same process keeps running.
 */
@Injectable()
export class ModelTrainingService {
  private readonly logger = new Logger(ModelTrainingService.name);

  constructor(
    private readonly corrections: CorrectionsRepository,
    private readonly models: TriageModelsRepository,
    private readonly triage: TriageService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  /** A scheduled run with no correction since the last version stores nothing; a manual run always trains. */
  async train(trigger: ModelTrainingJobData['trigger'] = 'manual'): Promise<TriageModelView | null> {
    if (trigger === 'schedule' && !(await this.hasNewCorrections())) {
      this.logger.log('no correction since the last model version; not retraining');
      return null;
    }
    const dir = findEvalDir();
    if (!dir) {
      this.logger.warn('libs/triage/eval is not here: no seed examples and no held-out part to measure on; not training');
      return null;
    }
    const seed = loadSeedExamples(dir);
    const dev = seed.filter((example) => example.split === 'dev');
    const heldout = seed.filter((example) => example.split === 'heldout');
    const corrected = await this.corrections.latestPerMention(MAX_TRAINING_CORRECTIONS);
    const examples: TrainingExample[] = [
      ...dev.map(({ text, urgency, opd }) => ({ text, urgency, opd })),
      ...corrected.map(({ text, after }) => ({
        text,
        urgency: after.urgency,
        opd: after.opd.find((code) => !isArea(code)) ?? null,
        weight: CORRECTION_WEIGHT,
      })),
    ];
    const started = Date.now();
    const steps = trainModelSteps(examples);
    let model: TriageModel;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        model = step.value;
        break;
      }
      await yieldToEventLoop();
    }
    const trainingMs = Date.now() - started;
    const metrics = await this.evaluate(model, heldout);
    const passed = doesNoWorse(metrics.rulesOnly, metrics.rulesWithModel);
    const row = await this.models.insert({
      model,
      metrics: { ...metrics, passed, trainingMs },
      trainedOnSeed: dev.length,
      trainedOnCorrections: corrected.length,
      activate: passed,
    });
    this.logger.log(
      { version: row.version, passed, seed: dev.length, corrections: corrected.length, trainingMs, ...metrics },
      passed ? 'triage model trained and activated' : 'triage model trained; kept inactive (worse than rules only on held-out)',
    );
    if (passed) await this.announce();
    return mapTriageModel(row);
  }

  private async hasNewCorrections(): Promise<boolean> {
    const [latest] = await this.models.list();
    if (!latest) return true;
    const correctedAt = await this.corrections.latestCorrectionAt();
    return correctedAt !== null && correctedAt > latest.created_at;
  }

  /** Tells every API and worker process to load the active model now (they also poll). */
  async announce(): Promise<void> {
    await this.redis.publish(redisKey(this.config.redisPrefix, TRIAGE_MODEL_ACTIVATED_CHANNEL), 'activated');
    await this.triage.refresh();
  }

  private async evaluate(model: TriageModel, heldout: SeedExample[]) {
    const engine = this.triage.current().engine;
    const truthUrgency: string[] = [];
    const truthOpd: string[] = [];
    const rules: TriageResult[] = [];
    const blended: TriageResult[] = [];
    for (let i = 0; i < heldout.length; i++) {
      const example = heldout[i];
      const reading = engine.classify({ text: example.text });
      rules.push(reading);
      blended.push(combine(reading, predict(model, example.text)));
      truthUrgency.push(example.urgency);
      truthOpd.push(example.opd ?? '(none)');
      if (i % 50 === 49) await yieldToEventLoop();
    }
    const pairs = (results: TriageResult[]) => ({
      urgency: results.map((r, i): [string, string] => [truthUrgency[i], r.urgency]),
      opd: results.map((r, i): [string, string] => [truthOpd[i], primaryOpd(r)]),
    });
    const r = pairs(rules);
    const b = pairs(blended);
    return { heldout: heldout.length, rulesOnly: scores(r.urgency, r.opd), rulesWithModel: scores(b.urgency, b.opd) };
  }
}
