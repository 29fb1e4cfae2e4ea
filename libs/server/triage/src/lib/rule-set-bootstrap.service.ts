import { Injectable, Logger } from '@nestjs/common';
import { ruleSetLabel } from '@sigap/contracts';
import { DEFAULT_RULE_SET } from '@sigap/triage';
import { toRuleSetDocument } from './rule-set.mapper';
import { RuleSetsRepository } from './rule-sets.repository';

/**
 * Seeds version 1 from the rules that ship with the code (`DEFAULT_RULE_SET`) when no rule set
 * is stored yet. The API and the worker both call it at start; the writer lock makes the one
 * that comes second see the row and do nothing.
 */
@Injectable()
export class RuleSetBootstrapService {
  private readonly logger = new Logger(RuleSetBootstrapService.name);

  constructor(private readonly ruleSets: RuleSetsRepository) {}

  async ensureSeeded(): Promise<boolean> {
    const seeded = await this.ruleSets.transaction(async (tx) => {
      if ((await tx.count()) > 0) return false;
      await tx.insertPublished({
        version: 1,
        origin: 'seed',
        content: toRuleSetDocument({ ...DEFAULT_RULE_SET, version: ruleSetLabel(1) }),
        baseVersion: null,
        notes: `Aturan bawaan dari repositori (${DEFAULT_RULE_SET.version})`,
        changes: null,
        userId: null,
      });
      return true;
    });
    if (seeded) this.logger.log({ from: DEFAULT_RULE_SET.version }, 'seeded triage rule set v1 from the built-in rules');
    return seeded;
  }
}
