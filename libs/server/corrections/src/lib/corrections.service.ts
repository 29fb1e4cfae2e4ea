import { Injectable } from '@nestjs/common';
import { urgencyRank, type MentionCorrectionState, type MentionCorrectionView, type MentionTags, type Urgency } from '@sigap/contracts';
import { mentionScopeOf, type AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import { DEFAULT_RULE_SET } from '@sigap/triage';
import type { CorrectMentionDto } from './correction.dto';
import { CorrectionsRepository, type CorrectionRow } from './corrections.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isArea = (code: string): boolean => code.startsWith('KEC-') || code.startsWith('KEL-');

/** Keeps the score inside the band of the corrected urgency, so sorting by score agrees with it. */
export function scoreForUrgency(score: number, urgency: Urgency): number {
  const t = DEFAULT_RULE_SET.scoring.thresholds;
  const [low, high] = urgency === 'critical' ? [t.critical, 100] : urgency === 'high' ? [t.high, t.critical - 1] : urgency === 'normal' ? [t.normal, t.high - 1] : [0, t.normal - 1];
  return Math.min(high, Math.max(low, score));
}

export function mapCorrection(row: CorrectionRow): MentionCorrectionView {
  return {
    id: row.id,
    mentionId: row.mention_id,
    userId: row.user_id,
    before: row.before,
    after: row.after,
    createdAt: row.created_at.toISOString(),
  };
}

@Injectable()
export class CorrectionsService {
  constructor(private readonly corrections: CorrectionsRepository) {}

  /**
   * An admin corrects a mention of its OPDs (or an unrouted one); supervisors any. Outside the
   * admin's scope the mention is "not found", as when reading it.
   */
  async correct(user: AuthenticatedUser, mentionId: string, dto: CorrectMentionDto): Promise<MentionCorrectionView> {
    const scope = mentionScopeOf(user);
    if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not triage mentions');
    if (dto.urgency === undefined && dto.opd === undefined) {
      throw new SigapException(SigapErrorCode.VALIDATION_FAILED, 'give the corrected urgency, the OPDs, or both', [
        { field: 'urgency', message: 'urgency or opd is required' },
      ]);
    }
    const opd = dto.opd ?? null;
    if (opd) {
      const unknown = await this.corrections.unknownUnits(opd.filter((code) => !isArea(code)));
      const areas = opd.filter(isArea);
      if (unknown.length > 0 || areas.length > 0) {
        throw new SigapException(SigapErrorCode.VALIDATION_FAILED, 'unknown OPD codes', [
          ...[...unknown, ...areas].map((code) => ({ field: 'opd', message: `${code} is not a city unit or external referral` })),
        ]);
      }
    }
    const mention = UUID.test(mentionId) ? await this.corrections.findMention(mentionId, scope) : null;
    if (!mention) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');

    const areas = mention.opd_codes.filter(isArea);
    const before: MentionCorrectionState = { urgency: mention.urgency, opd: mention.opd_codes.filter((code) => !isArea(code)) };
    const after: MentionCorrectionState = { urgency: dto.urgency ?? mention.urgency, opd: opd ?? before.opd };
    const opdCodes = [...after.opd, ...areas];
    const score = scoreForUrgency(mention.score, after.urgency);
    const previous = new Map(mention.tags.opd.map((tag) => [tag.code, tag.confidence]));
    const tags: MentionTags & { corrected: unknown } = {
      ...mention.tags,
      urgency: after.urgency,
      score,
      opd: opdCodes.map((code) => ({ code, confidence: after.opd.includes(code) ? 1 : (previous.get(code) ?? 1) })),
      corrected: { by: user.id, at: new Date().toISOString(), before },
    };
    const row = await this.corrections.save(mention.id, user.id, before, after, {
      urgency: after.urgency,
      urgencyRank: urgencyRank(after.urgency),
      score,
      opdCodes,
      tags,
    });
    return mapCorrection(row);
  }
}
