import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  RULE_SET_LIMITS,
  RULE_SET_PUBLISHED_CHANNEL,
  ruleSetLabel,
  type RuleSetDraftView,
  type RuleSetTrialResult,
  type RuleSetVersionDetail,
  type RuleSetVersionSummary,
  type UserView,
} from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, validationFailed, type SigapConfig } from '@sigap/server/core';
import { createTriageEngine, type RuleSet, type TriageEngine } from '@sigap/triage';
import type Redis from 'ioredis';
import { checkRuleSet, opdCodesOf } from './rule-set.check';
import { NO_CHANGES, summarizeRuleSetChanges } from './rule-set.diff';
import { mapRuleSetVersion, mapRuleSetVersionDetail, mapUserRef, toRuleSet, toRuleSetDocument } from './rule-set.mapper';
import { compareClassifiers } from './rule-set.trial';
import { RuleSetsRepository, type RuleSetQueries, type RuleSetRow } from './rule-sets.repository';
import { TriageService } from './triage.service';

/** Version numbers are PostgreSQL integers; anything else cannot exist. */
const isVersionNumber = (version: number): boolean => Number.isInteger(version) && version >= 1 && version <= 2_147_483_647;

const totalChanges = (row: { added: number; removed: number; changed: number }): number => row.added + row.removed + row.changed;

/**
 * Versioned rule sets: one draft that supervisors edit and try on recent mentions, publishing
 * (the previous version is archived) and rollback (an older version is published again under a
 * new number). Workers hear of each publish on Redis and load it without restarting.
 */
@Injectable()
export class RuleSetsService {
  private readonly logger = new Logger(RuleSetsService.name);

  constructor(
    private readonly ruleSets: RuleSetsRepository,
    private readonly triage: TriageService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async list(): Promise<RuleSetVersionSummary[]> {
    return (await this.ruleSets.listVersions()).map(mapRuleSetVersion);
  }

  async get(version: number): Promise<RuleSetVersionDetail> {
    const row = isVersionNumber(version) ? await this.ruleSets.findByVersion(version) : null;
    if (!row || row.status === 'draft') throw new SigapException(SigapErrorCode.NOT_FOUND, `rule set ${ruleSetLabel(version)} not found`);
    return mapRuleSetVersionDetail(row);
  }

  async getDraft(): Promise<RuleSetDraftView> {
    const [draft, published] = await Promise.all([this.ruleSets.findDraft(), this.requirePublished(this.ruleSets)]);
    return this.draftView(draft, published);
  }

  async saveDraft(user: UserView, content: unknown, notes: string | undefined): Promise<RuleSetDraftView> {
    const checked = checkRuleSet(content);
    if (!checked.ok) throw validationFailed(checked.errors);
    await this.checkOpdCodes(checked.ruleSet);
    const document = toRuleSetDocument({ ...checked.ruleSet, version: 'draft' });
    await this.ruleSets.transaction(async (tx) => {
      const draft = await tx.findDraft();
      if (draft) {
        await tx.updateDraft(draft.id, { content: document, notes: notes ?? draft.notes, userId: user.id });
      } else {
        await tx.insertDraft({ content: document, notes: notes ?? '', baseVersion: await tx.publishedVersion(), userId: user.id });
      }
    });
    return this.getDraft();
  }

  async discardDraft(): Promise<void> {
    const deleted = await this.ruleSets.transaction((tx) => tx.deleteDraft());
    if (deleted === 0) throw new SigapException(SigapErrorCode.NOT_FOUND, 'there is no saved draft');
  }

  /** Classifies the most recent mentions with the published rules and with the draft, and reports what would change. */
  async tryDraft(limit: number = RULE_SET_LIMITS.defaultTrialSize): Promise<RuleSetTrialResult> {
    const [draft, published] = await Promise.all([this.requireDraft(), this.requirePublished(this.ruleSets)]);
    const draftEngine = this.compileStored(draft, 'the saved draft');
    const publishedEngine = this.engineOf(published);
    const mentions = await this.ruleSets.recentMentions(limit);
    return compareClassifiers(
      mentions,
      (input) => publishedEngine.classify(input),
      (input) => draftEngine.classify(input),
      published.version ?? 0,
    );
  }

  async publishDraft(user: UserView, notes: string): Promise<RuleSetVersionSummary> {
    const version = await this.ruleSets.transaction(async (tx) => {
      const draft = await tx.findDraft();
      if (!draft?.content) throw new SigapException(SigapErrorCode.NOT_FOUND, 'there is no saved draft to publish');
      const published = await this.requirePublished(tx);
      const checked = checkRuleSet(draft.content);
      if (!checked.ok) throw validationFailed(checked.errors);
      const changes = summarizeRuleSetChanges(this.ruleSetOf(published), checked.ruleSet);
      if (totalChanges(changes) === 0) {
        throw new SigapException(SigapErrorCode.CONFLICT, `the draft is the same as the published ${ruleSetLabel(published.version ?? 0)}`);
      }
      const next = (await tx.maxVersion()) + 1;
      await tx.archivePublished();
      await tx.promoteDraft(draft.id, {
        version: next,
        content: toRuleSetDocument({ ...checked.ruleSet, version: ruleSetLabel(next) }),
        notes: notes.trim(),
        changes,
        userId: user.id,
      });
      return next;
    });
    return this.announce(version);
  }

  /** Publishes a copy of an older version as the next version: history only ever grows. */
  async rollback(user: UserView, version: number, notes: string | undefined): Promise<RuleSetVersionSummary> {
    if (!isVersionNumber(version)) throw new SigapException(SigapErrorCode.NOT_FOUND, `rule set ${ruleSetLabel(version)} not found`);
    const next = await this.ruleSets.transaction(async (tx) => {
      const source = await tx.findByVersion(version);
      if (!source?.content || source.status === 'draft') {
        throw new SigapException(SigapErrorCode.NOT_FOUND, `rule set ${ruleSetLabel(version)} not found`);
      }
      if (source.status === 'published') {
        throw new SigapException(SigapErrorCode.CONFLICT, `${ruleSetLabel(version)} is already the published version`);
      }
      const published = await this.requirePublished(tx);
      const checked = checkRuleSet(source.content);
      if (!checked.ok) {
        throw new SigapException(SigapErrorCode.CONFLICT, `${ruleSetLabel(version)} cannot be used by this engine`, checked.errors);
      }
      const number = (await tx.maxVersion()) + 1;
      await tx.archivePublished();
      await tx.insertPublished({
        version: number,
        origin: 'rollback',
        content: toRuleSetDocument({ ...checked.ruleSet, version: ruleSetLabel(number) }),
        baseVersion: version,
        notes: notes?.trim() ?? '',
        changes: summarizeRuleSetChanges(this.ruleSetOf(published), checked.ruleSet),
        userId: user.id,
      });
      return number;
    });
    return this.announce(next);
  }

  /** Tells every worker (and this process) about a new published version. */
  private async announce(version: number): Promise<RuleSetVersionSummary> {
    await this.redis
      .publish(redisKey(this.config.redisPrefix, RULE_SET_PUBLISHED_CHANNEL), String(version))
      .catch((err: unknown) => this.logger.warn({ err, version }, 'rule-set notification failed; workers will find it by polling'));
    await this.triage.refresh().catch((err: unknown) => this.logger.warn({ err }, 'could not load the new rule set here yet'));
    const row = await this.ruleSets.findByVersion(version);
    if (!row) throw new SigapException(SigapErrorCode.INTERNAL, `rule set ${ruleSetLabel(version)} vanished after publishing`);
    this.logger.log({ version: ruleSetLabel(version), origin: row.origin }, 'rule set published');
    return mapRuleSetVersion(row);
  }

  private draftView(draft: RuleSetRow | null, published: RuleSetRow): RuleSetDraftView {
    const content = draft?.content ?? published.content;
    if (!content || !published.content) throw new Error('rule set read without its content');
    return {
      saved: draft !== null,
      baseVersion: draft ? draft.base_version : published.version,
      publishedVersion: published.version ?? 0,
      notes: draft?.notes ?? '',
      updatedBy: draft ? mapUserRef(draft.updated_by, draft.updated_by_name) : null,
      updatedAt: draft ? draft.updated_at.toISOString() : null,
      content: draft ? content : { ...content, version: 'draft' },
      changes: draft ? summarizeRuleSetChanges(toRuleSet(published.content), toRuleSet(content)) : NO_CHANGES,
    };
  }

  /**
   * OPD codes must name a known unit, or a typo silently routes mentions to nobody. Codes the
   * published version already uses are let through, so a draft is never blocked by what it inherited.
   */
  private async checkOpdCodes(ruleSet: RuleSet): Promise<void> {
    const used = opdCodesOf(ruleSet);
    const published = await this.ruleSets.findPublished();
    const inherited = new Set(published?.content ? opdCodesOf(toRuleSet(published.content)).map((c) => c.code) : []);
    const candidates = [...new Set(used.map((c) => c.code).filter((code) => !inherited.has(code)))];
    const known = await this.ruleSets.knownOpdCodes(candidates);
    const unknown = used.filter((c) => !inherited.has(c.code) && !known.has(c.code));
    if (unknown.length > 0) {
      throw validationFailed(unknown.map((c) => ({ field: `content.${c.path}`, message: `unknown OPD code ${c.code}` })));
    }
  }

  private async requirePublished(queries: RuleSetQueries): Promise<RuleSetRow> {
    const published = await queries.findPublished();
    if (!published) throw new SigapException(SigapErrorCode.UNAVAILABLE, 'no rule set is published yet');
    return published;
  }

  private async requireDraft(): Promise<RuleSetRow> {
    const draft = await this.ruleSets.findDraft();
    if (!draft) throw new SigapException(SigapErrorCode.NOT_FOUND, 'there is no saved draft; save one first');
    return draft;
  }

  private ruleSetOf(row: RuleSetRow): RuleSet {
    if (!row.content) throw new Error(`rule set ${row.id} was read without its content`);
    return toRuleSet(row.content);
  }

  /** The published version's engine: the one already loaded when it is current. */
  private engineOf(published: RuleSetRow): TriageEngine {
    const active = this.triage.current();
    if (active.version !== null && active.version === published.version) return active.engine;
    return this.compileStored(published, ruleSetLabel(published.version ?? 0));
  }

  private compileStored(row: RuleSetRow, what: string): TriageEngine {
    try {
      return createTriageEngine(this.ruleSetOf(row));
    } catch (error) {
      throw new SigapException(SigapErrorCode.CONFLICT, `${what} cannot be used by this engine: ${(error as Error).message}`);
    }
  }
}
