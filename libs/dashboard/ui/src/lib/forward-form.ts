import type { MentionStatus } from '@sigap/contracts';
import { STATUSES_NEEDING_REASON } from '@sigap/contracts';

/** What the status form collects before `POST /mentions/:id/status`. */
export interface StatusFormValues {
  status: MentionStatus;
  reason: string;
  /** With `bukan_wewenang`: the OPD it goes to. */
  forwardTo: string;
}

export type StatusFormErrors = Partial<Record<'reason' | 'forwardTo', 'required' | 'sameOpd' | 'tooLong'>>;

export const STATUS_REASON_MAX = 1000;

/** Field errors of the form; empty when it may be sent. Mirrors the server's checks. */
export const validateStatusForm = (values: StatusFormValues, currentOpds: readonly string[]): StatusFormErrors => {
  const errors: StatusFormErrors = {};
  const reason = values.reason.trim();
  if (STATUSES_NEEDING_REASON.includes(values.status) && !reason) errors.reason = 'required';
  else if (reason.length > STATUS_REASON_MAX) errors.reason = 'tooLong';
  if (values.status === 'bukan_wewenang') {
    if (!values.forwardTo) errors.forwardTo = 'required';
    else if (currentOpds.length === 1 && currentOpds[0] === values.forwardTo) errors.forwardTo = 'sameOpd';
  }
  return errors;
};

/** The request body for valid values: reason only when given, forwardTo only when forwarding. */
export const statusRequestOf = (values: StatusFormValues): { status: MentionStatus; reason?: string; forwardTo?: string } => {
  const reason = values.reason.trim();
  return {
    status: values.status,
    ...(reason ? { reason } : {}),
    ...(values.status === 'bukan_wewenang' ? { forwardTo: values.forwardTo } : {}),
  };
};
