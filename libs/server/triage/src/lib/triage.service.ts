import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RULE_SET_PUBLISHED_CHANNEL, ruleSetLabel, type MentionTags } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import { createTriageEngine, DEFAULT_RULE_SET, type TriageEngine, type TriageInput } from '@sigap/triage';
import { Mutex } from 'async-mutex';
import type Redis from 'ioredis';
import { RuleSetBootstrapService } from './rule-set-bootstrap.service';
import { toRuleSet } from './rule-set.mapper';
import { RuleSetsRepository } from './rule-sets.repository';

/** Safety net for a lost pub/sub message: look at the published version at least this often. */
export const RULE_SET_POLL_INTERVAL_MS = 10_000;

export interface ActiveRuleSet {
  /** The published version number, or null while running on the built-in rules. */
  version: number | null;
  /** What mentions record in `ruleSetVersion`: "v3" (or the built-in rules' own label). */
  label: string;
  engine: TriageEngine;
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
  /** A published version the engine refused; not tried again until another is published. */
  private unusable: number | null = null;
  private subscriber: Redis | null = null;
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ruleSets: RuleSetsRepository,
    private readonly bootstrap: RuleSetBootstrapService,
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
    await this.subscriber.subscribe(redisKey(this.config.redisPrefix, RULE_SET_PUBLISHED_CHANNEL));
    this.pollTimer = setInterval(() => this.refreshInBackground(), RULE_SET_POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    this.subscriber = null;
  }

  classify(input: TriageInput): MentionTags {
    return this.current().engine.classify(input);
  }

  current(): ActiveRuleSet {
    if (!this.active) throw new Error('the triage rule set is not loaded yet');
    return this.active;
  }

  /** Loads the published version when it is not the one in use. Concurrent calls run one at a time. */
  refresh(): Promise<void> {
    return this.reload.runExclusive(async () => {
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
    });
  }

  private refreshInBackground(): void {
    this.refresh().catch((err: unknown) => this.logger.warn({ err }, 'could not check the published rule set'));
  }
}
