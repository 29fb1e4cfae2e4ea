import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import type { CorrectableMention, CorrectionsRepository } from './corrections.repository';
import { CorrectionsService, scoreForUrgency } from './corrections.service';

const mention: CorrectableMention = {
  id: '6f1c2a0e-1111-4a4a-8b8b-123456789abc',
  text: 'sampah numpuk',
  urgency: 'normal',
  score: 45,
  opd_codes: ['DLH', 'KEC-COBLONG'],
  tags: {
    urgency: 'normal',
    score: 45,
    opd: [
      { code: 'DLH', confidence: 0.8 },
      { code: 'KEC-COBLONG', confidence: 0.9 },
    ],
    kecamatan: 'KEC-COBLONG',
    kelurahan: null,
    topic: 'sampah',
    reasons: ["kata 'sampah'"],
    ruleSetVersion: 'v1',
  },
};

const admin: AuthenticatedUser = { id: 'u1', email: 'a@x', name: 'A', role: 'admin', opds: ['DLH'] };

function setup() {
  const repository = {
    findMention: jest.fn().mockResolvedValue(mention),
    unknownUnits: jest.fn().mockResolvedValue([]),
    save: jest.fn().mockImplementation((mentionId: string, userId: string, before: unknown, after: unknown) =>
      Promise.resolve({ id: 'c1', mention_id: mentionId, user_id: userId, before, after, created_at: new Date('2026-01-01T00:00:00Z') }),
    ),
  };
  return { repository, service: new CorrectionsService(repository as unknown as CorrectionsRepository) };
}

const codeOf = async (promise: Promise<unknown>): Promise<SigapErrorCode | null> => {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof SigapException ? error.code : null;
  }
};

describe('CorrectionsService', () => {
  it('keeps the score within the band of the corrected urgency', () => {
    expect(scoreForUrgency(45, 'critical')).toBe(80);
    expect(scoreForUrgency(45, 'high')).toBe(60);
    expect(scoreForUrgency(45, 'normal')).toBe(45);
    expect(scoreForUrgency(45, 'low')).toBe(29);
  });

  it('applies the correction: ranked units first, areas kept, reasons kept, marked corrected', async () => {
    const { service, repository } = setup();
    const view = await service.correct(admin, mention.id, { urgency: 'high', opd: ['DISKARPB', 'DLH'] });
    expect(view.before).toEqual({ urgency: 'normal', opd: ['DLH'] });
    expect(view.after).toEqual({ urgency: 'high', opd: ['DISKARPB', 'DLH'] });
    const update = repository.save.mock.calls[0][4];
    expect(update).toMatchObject({ urgency: 'high', urgencyRank: 1, score: 60, opdCodes: ['DISKARPB', 'DLH', 'KEC-COBLONG'] });
    expect(update.tags.reasons).toEqual(mention.tags.reasons);
    expect(update.tags.opd).toEqual([
      { code: 'DISKARPB', confidence: 1 },
      { code: 'DLH', confidence: 1 },
      { code: 'KEC-COBLONG', confidence: 0.9 },
    ]);
    expect(update.tags.corrected).toMatchObject({ by: 'u1', before: { urgency: 'normal', opd: ['DLH'] } });
    expect(repository.findMention).toHaveBeenCalledWith(mention.id, { kind: 'opds', opds: ['DLH'] });
  });

  it('refuses liaisons, empty corrections, unknown units and mentions out of scope', async () => {
    const { service, repository } = setup();
    expect(await codeOf(service.correct({ ...admin, role: 'liaison', opds: [] }, mention.id, { urgency: 'low' }))).toBe(SigapErrorCode.FORBIDDEN);
    expect(await codeOf(service.correct(admin, mention.id, {}))).toBe(SigapErrorCode.VALIDATION_FAILED);
    expect(await codeOf(service.correct(admin, mention.id, { opd: ['KEC-COBLONG'] }))).toBe(SigapErrorCode.VALIDATION_FAILED);
    repository.unknownUnits.mockResolvedValueOnce(['NOPE']);
    expect(await codeOf(service.correct(admin, mention.id, { opd: ['NOPE'] }))).toBe(SigapErrorCode.VALIDATION_FAILED);
    expect(await codeOf(service.correct(admin, 'not-a-uuid', { urgency: 'low' }))).toBe(SigapErrorCode.NOT_FOUND);
    repository.findMention.mockResolvedValueOnce(null);
    expect(await codeOf(service.correct(admin, mention.id, { urgency: 'low' }))).toBe(SigapErrorCode.NOT_FOUND);
    expect(repository.save).not.toHaveBeenCalled();
  });
});
