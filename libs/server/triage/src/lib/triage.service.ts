import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RULE_SET_PUBLISHED_CHANNEL, TRIAGE_MODEL_ACTIVATED_CHANNEL, ruleSetLabel, type MentionTags } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import {
  combine,
  createTriageEngine,
  DEFAULT_RULE_SET,
  isTriageModel,
  predict,
  type TriageEngine,
  type TriageInput,
  type TriageModel,
} from '@sigap/triage';
import { Mutex } from 'async-mutex';
import type Redis from 'ioredis';
import { RuleSetBootstrapService } from './rule-set-bootstrap.service';
import { toRuleSet } from './rule-set.mapper';
import { RuleSetsRepository } from './rule-sets.repository';
import { TriageModelsRepository } from './triage-models.repository';

/** Safety net for a lost pub/sub message: look at the published version at least this often. */
export const RULE_SET_POLL_INTERVAL_MS = 10_000;

export interface ActiveRuleSet {
  /** The published version number, or null while running on the built-in rules. */
  version: number | null;
  /** What mentions record in `ruleSetVersion`: "v3" (or the built-in rules' own label). */
  label: string;
  engine: TriageEngine;
}

export interface ActiveTriageModel {
  version: number;
  model: TriageModel;
}

/**
 * The pipeline's and the API's door to the pure triage engine, always on the published rule
 * set. A publish is announced on Redis and the published version is also polled; the new engine
 * is compiled aside and swapped in with one assignment, so a classification in flight finishes
 * on the rules it started with and the next one uses the new rules.
 */
@Injectable()
export class TriageService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TriageService.name);
  private readonly reload = new Mutex();
  private active: ActiveRuleSet | null = null;
  /** The learned model blended with the rules, or null for rules only. */
  private activeModel: ActiveTriageModel | null = null;
  /** A published version the engine refused; not tried again until another is published. */
  private unusable: number | null = null;
  private unusableModel: number | null = null;
  private subscriber: Redis | null = null;
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ruleSets: RuleSetsRepository,
    private readonly bootstrap: RuleSetBootstrapService,
    private readonly models: TriageModelsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bootstrap.ensureSeeded();
    await this.refresh();
    if (!this.active) {
      // Triage must never stop the pipeline: run on the built-in rules and keep trying the stored ones.
      this.active = { version: null, label: DEFAULT_RULE_SET.version, engine: createTriageEngine(DEFAULT_RULE_SET) };
      this.logger.error('no usable published rule set; classifying with the built-in rules until one loads');
    }
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', () => this.refreshInBackground());
    this.subscriber.on('error', (err) => this.logger.warn({ err: err.message }, 'rule-set subscriber error'));
    await this.subscriber.subscribe(
      redisKey(this.config.redisPrefix, RULE_SET_PUBLISHED_CHANNEL),
      redisKey(this.config.redisPrefix, TRIAGE_MODEL_ACTIVATED_CHANNEL),
    );
    this.pollTimer = setInterval(() => this.refreshInBackground(), RULE_SET_POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.subscriber = null;
  }

  /** The rules' reading, with the active learned model's second opinion when there is one. */
  classify(input: TriageInput): MentionTags {
    const rules = this.current().engine.classify(input);
    const learned = this.activeModel;
    return learned ? combine(rules, predict(learned.model, input.text)) : rules;
  }

  currentModel(): ActiveTriageModel | null {
    return this.activeModel;
  }

  current(): ActiveRuleSet {
    if (!this.active) throw new Error('the triage rule set is not loaded yet');
    return this.active;
  }

  /** Loads the published rule set and the active model when they are not the ones in use. Concurrent calls run one at a time. */
  refresh(): Promise<void> {
    return this.reload.runExclusive(async () => {
      await this.refreshModel();
      await this.refreshRuleSet();
    });
  }

  private async refreshModel(): Promise<void> {
    const version = await this.models.activeVersion();
    if (version === (this.activeModel?.version ?? null) || (version !== null && version === this.unusableModel)) return;
    if (version === null) {
      this.activeModel = null;
      this.logger.log('no active triage model: rules only');
      return;
    }
    const row = await this.models.findWithModel(version);
    if (!row || !isTriageModel(row.model)) {
      this.unusableModel = version;
      this.logger.error({ version }, 'the active triage model is not usable; keeping the current one');
      return;
    }
    this.activeModel = { version, model: row.model };
    this.logger.log({ version }, 'triage model loaded');
  }

  private async refreshRuleSet(): Promise<void> {
    const version = await this.ruleSets.publishedVersion();
    if (version === null || version === this.active?.version || version === this.unusable) return;
    const row = await this.ruleSets.findByVersion(version);
    if (!row?.content) return;
    const label = ruleSetLabel(version);
    let engine: TriageEngine;
    try {
      engine = createTriageEngine({ ...toRuleSet(row.content), version: label });
    } catch (error) {
      this.unusable = version;
      this.logger.error({ err: error, version: label }, 'the published rule set does not compile; keeping the current one');
      return;
    }
    const previous = this.active?.label ?? null;
    this.active = { version, label, engine };
    this.logger.log({ version: label, previous }, 'triage rule set loaded');
  }

  private refreshInBackground(): void {
    this.refresh().catch((err: unknown) => this.logger.warn({ err }, 'could not check the published rule set and model'));
  }
}
