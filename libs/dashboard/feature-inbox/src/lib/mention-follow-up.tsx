import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { FOLLOW_UP_FIELD_ERRORS, parseTicketNumber, type Mention } from '@sigap/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiError, inboxHref, useLinkFollowUp, useSession, withSelectedMention } from '@sigap/dashboard/data-access';
import { describeApiError } from '@sigap/dashboard/ui';
import { canCorrect } from './mention-correction';

type FieldErrorKey = keyof typeof FOLLOW_UP_FIELD_ERRORS;

const FIELD_ERROR_KEYS = Object.keys(FOLLOW_UP_FIELD_ERRORS) as FieldErrorKey[];

/** What to show under the ticket field for a refused link; null when the error is not about it. */
export const followUpFieldError = (t: TFunction, error: Error | null): string | null => {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return t('tickets.link.notFound');
  if (error.status !== 400 || !Array.isArray(error.details)) return null;
  const detail = (error.details as { field?: unknown; message?: unknown }[]).find((item) => item?.field === 'ticketNumber');
  if (!detail) return null;
  const known = FIELD_ERROR_KEYS.find((key) => FOLLOW_UP_FIELD_ERRORS[key] === detail.message);
  return known ? t(`tickets.link.${known}`) : typeof detail.message === 'string' ? detail.message : t('tickets.link.malformed');
};

/**
 * The ticket thread of a mention in the detail pane: "Lanjutan tiket BDG-…" (opens that mention),
 * how many follow-ups it has (opens the inbox searched by its ticket number), and, for those who
 * may act, linking it to a ticket by hand or unlinking it. Mount it with `key={mention.id}`.
 */
export const MentionFollowUp = ({ mention, canLink }: { mention: Mention; canLink: boolean }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const link = useLinkFollowUp();
  const [editing, setEditing] = useState(false);
  const [ticket, setTicket] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const followUpOf = mention.followUpOf;
  const followUpCount = mention.followUpCount ?? 0;
  if (!followUpOf && followUpCount === 0 && !canLink) return null;

  const fieldError = localError ?? followUpFieldError(t, link.error);
  const otherError = link.error && !fieldError ? t('tickets.link.failed', { message: describeApiError(link.error, t) }) : null;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setNotice(null);
    link.reset();
    if (!ticket.trim()) return setLocalError(t('tickets.link.required'));
    if (!parseTicketNumber(ticket)) return setLocalError(t('tickets.link.malformed'));
    setLocalError(null);
    link.mutate(
      { id: mention.id, ticketNumber: ticket.trim() },
      {
        onSuccess: (state) => {
          setEditing(false);
          setTicket('');
          setNotice(t('tickets.link.saved', { ticket: state.followUpOf?.ticketNumber ?? ticket.trim().toUpperCase() }));
        },
      },
    );
  };

  const unlink = (): void => {
    setNotice(null);
    setLocalError(null);
    link.mutate({ id: mention.id, ticketNumber: null }, { onSuccess: () => setNotice(t('tickets.link.removed')) });
  };

  return (
    <Stack gap={4} data-testid="mention-follow-up">
      <Group gap="xs" wrap="wrap" align="baseline">
        {followUpOf && (
          <Anchor
            component={Link}
            to={withSelectedMention(location.pathname, location.search, followUpOf.mentionId)}
            size="sm"
            fw={600}
            title={t('tickets.followUpOfHint', { ticket: followUpOf.ticketNumber })}
            data-testid="mention-follow-up-of"
            data-mention-id={followUpOf.mentionId}
          >
            {t('tickets.followUpOf', { ticket: followUpOf.ticketNumber })}
          </Anchor>
        )}
        {followUpCount > 0 && (
          <Anchor component={Link} to={inboxHref({ q: mention.ticketNumber }, mention.id)} size="sm" data-testid="mention-follow-up-count">
            {t('tickets.followUpCount', { count: followUpCount })}
          </Anchor>
        )}
        {canLink && !editing && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => {
              setEditing(true);
              setNotice(null);
              link.reset();
            }}
            data-testid="mention-follow-up-edit"
          >
            {followUpOf ? t('tickets.link.change') : t('tickets.link.open')}
          </Button>
        )}
        {canLink && followUpOf && !editing && (
          <Button variant="subtle" color="gray" size="compact-xs" onClick={unlink} loading={link.isPending} data-testid="mention-follow-up-unlink">
            {t('tickets.link.unlink')}
          </Button>
        )}
      </Group>
      {editing && (
        <form onSubmit={submit} data-testid="mention-follow-up-form" noValidate>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              size="xs"
              label={t('tickets.link.label')}
              placeholder={t('tickets.link.placeholder')}
              value={ticket}
              onChange={(event) => {
                setTicket(event.currentTarget.value);
                setLocalError(null);
              }}
              error={fieldError}
              name="ticketNumber"
              autoComplete="off"
              data-testid="mention-follow-up-input"
              style={{ flex: '1 1 12rem' }}
            />
            <Group gap={4} mt={22}>
              <Button type="submit" size="xs" loading={link.isPending} data-testid="mention-follow-up-save">
                {t('tickets.link.save')}
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setEditing(false);
                  setLocalError(null);
                  link.reset();
                }}
              >
                {t('tickets.link.cancel')}
              </Button>
            </Group>
          </Group>
        </form>
      )}
      {(otherError || (!editing && fieldError)) && (
        <Text size="xs" c="red.8" role="alert">
          {otherError ?? fieldError}
        </Text>
      )}
      {notice && (
        <Text size="xs" c="dimmed" role="status" data-testid="mention-follow-up-notice">
          {notice}
        </Text>
      )}
    </Stack>
  );
};

/** The ticket thread section; only those who handle mentions may link (the server refuses liaisons). */
export const MentionFollowUpSection = ({ mention }: { mention: Mention }) => {
  const session = useSession();
  return <MentionFollowUp key={mention.id} mention={mention} canLink={canCorrect(session?.user.role)} />;
};
