import { PASSWORD_MIN_LENGTH, type CreateUserRequest, type Role, type UpdateUserRequest, type UserAccount } from '@sigap/contracts';

/** What the user form edits; strings where the inputs hold text. */
export interface UserFormValues {
  email: string;
  name: string;
  role: Role;
  opds: string[];
  password: string;
  trainee: boolean;
  capacity: number;
  telegramChatId: string;
  whatsappNumber: string;
  disabled: boolean;
}

export const emptyUserForm = (): UserFormValues => ({
  email: '',
  name: '',
  role: 'admin',
  opds: [],
  password: '',
  trainee: false,
  capacity: 10,
  telegramChatId: '',
  whatsappNumber: '',
  disabled: false,
});

export const userFormOf = (user: UserAccount): UserFormValues => ({
  email: user.email,
  name: user.name,
  role: user.role,
  opds: user.opds,
  password: '',
  trainee: user.trainee,
  capacity: user.capacity,
  telegramChatId: user.telegramChatId ?? '',
  whatsappNumber: user.whatsappNumber ?? '',
  disabled: user.disabled,
});

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export const createRequestOf = (values: UserFormValues): CreateUserRequest => ({
  email: values.email.trim(),
  name: values.name.trim(),
  password: values.password,
  role: values.role,
  opds: values.opds,
  trainee: values.trainee,
  capacity: values.capacity,
  telegramChatId: orNull(values.telegramChatId),
  whatsappNumber: orNull(values.whatsappNumber),
});

/** Only what changed, so an edit never resets a password or a field nobody touched. */
export const updateRequestOf = (user: UserAccount, values: UserFormValues): UpdateUserRequest => {
  const next = createRequestOf(values);
  const changes: UpdateUserRequest = {};
  if (next.email !== user.email) changes.email = next.email;
  if (next.name !== user.name) changes.name = next.name;
  if (next.role !== user.role) changes.role = next.role;
  if ([...next.opds].sort().join() !== [...user.opds].sort().join()) changes.opds = next.opds;
  if (next.trainee !== user.trainee) changes.trainee = next.trainee;
  if (next.capacity !== user.capacity) changes.capacity = next.capacity;
  if (next.telegramChatId !== user.telegramChatId) changes.telegramChatId = next.telegramChatId;
  if (next.whatsappNumber !== user.whatsappNumber) changes.whatsappNumber = next.whatsappNumber;
  if (values.disabled !== user.disabled) changes.disabled = values.disabled;
  if (values.password) changes.password = values.password;
  return changes;
};

/** Field-level problems the form can spot before asking the server (which checks again). */
export const localErrorsOf = (values: UserFormValues, creating: boolean): Partial<Record<keyof UserFormValues, true>> => {
  const errors: Partial<Record<keyof UserFormValues, true>> = {};
  if (!values.email.includes('@')) errors.email = true;
  if (!values.name.trim()) errors.name = true;
  if ((creating || values.password) && values.password.length < PASSWORD_MIN_LENGTH) errors.password = true;
  return errors;
};
