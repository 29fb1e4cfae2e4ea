import { describe, expect, it } from 'vitest';
import type { UserAccount } from '@sigap/contracts';
import { createRequestOf, emptyUserForm, localErrorsOf, updateRequestOf, userFormOf } from './user-form';

const user: UserAccount = {
  id: 'u1',
  email: 'rina@bandung.go.id',
  name: 'Rina',
  role: 'admin',
  opds: ['DLH'],
  disabled: false,
  trainee: false,
  capacity: 10,
  telegramChatId: null,
  whatsappNumber: '+6281200000001',
  createdAt: '2026-11-28T00:00:00.000Z',
  lastLoginAt: null,
};

describe('user form', () => {
  it('sends nothing for an untouched edit', () => {
    expect(updateRequestOf(user, userFormOf(user))).toEqual({});
  });

  it('sends only the changed fields, empty contacts as null, and a password only when typed', () => {
    const values = { ...userFormOf(user), opds: ['DLH', 'DISHUB'], whatsappNumber: '  ', disabled: true };
    expect(updateRequestOf(user, values)).toEqual({ opds: ['DLH', 'DISHUB'], whatsappNumber: null, disabled: true });
    expect(updateRequestOf(user, { ...userFormOf(user), password: 'kata-sandi-baru' })).toEqual({ password: 'kata-sandi-baru' });
  });

  it('builds a create request with trimmed text', () => {
    const values = { ...emptyUserForm(), email: ' a@b.id ', name: ' Budi ', password: 'rahasia-sekali', telegramChatId: '42' };
    expect(createRequestOf(values)).toMatchObject({ email: 'a@b.id', name: 'Budi', telegramChatId: '42', whatsappNumber: null, role: 'admin' });
  });

  it('flags a short password when creating, and when resetting', () => {
    expect(localErrorsOf({ ...emptyUserForm(), email: 'a@b.id', name: 'A', password: 'pendek' }, true)).toEqual({ password: true });
    expect(localErrorsOf(userFormOf(user), false)).toEqual({});
    expect(localErrorsOf({ ...userFormOf(user), password: 'pendek' }, false)).toEqual({ password: true });
  });
});
