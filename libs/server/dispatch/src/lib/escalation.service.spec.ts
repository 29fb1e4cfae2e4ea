import { escalationMessage, outboundMessages } from './escalation.service';
import type { DispatchMentionRow } from './dispatch.repository';

const mention: DispatchMentionRow = {
  id: 'm-1',
  seq: 123,
  status: 'baru',
  urgency: 'critical',
  opd_codes: ['DISKARPB'],
  claimed_by: null,
  assigned_to: null,
  received_at: new Date('2026-03-01T02:00:00Z'),
};

describe('escalation messages', () => {
  it('names the level, urgency, ticket, OPDs and wait, and nothing the citizen wrote', () => {
    expect(escalationMessage(2, mention, 930)).toBe(
      '[Sigap] Eskalasi level 2: aduan kritis BDG-2026-000123 (DISKARPB) belum ditangani selama 16 menit. Mohon segera buka dasbor Sigap.',
    );
    expect(escalationMessage(1, { ...mention, opd_codes: [] }, 5)).toContain('(belum dirutekan) belum ditangani selama 1 menit');
  });

  it('goes to every channel a person has, and to nobody without one', () => {
    const messages = outboundMessages(
      [
        { id: 'a', telegram_chat_id: '111', whatsapp_number: '62812' },
        { id: 'b', telegram_chat_id: null, whatsapp_number: null },
      ],
      'teks',
    );
    expect(messages).toEqual([
      { channel: 'telegram', to: '111', text: 'teks' },
      { channel: 'whatsapp', to: '62812', text: 'teks' },
    ]);
  });
});
