import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { NOTE_MAX_LENGTH, type MentionNote, type UnresolvedHandle } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import {
  collidingTypists,
  useCreateNote,
  useMentionNotes,
  useMentionViewers,
  useMentionable,
  useSession,
  useTypingReport,
} from '@sigap/dashboard/data-access';
import { RelativeTime, describeApiError } from '@sigap/dashboard/ui';
import { activeHandleQuery, insertHandle, joinNames, type HandleQuery } from './note-autocomplete';

const NoteItem = ({ note }: { note: MentionNote }) => {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="note">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {note.author?.name ?? t('collab.timeline.system')}
        </Text>
        <Text size="xs" c="dimmed">
          <RelativeTime value={note.createdAt} />
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {note.text}
      </Text>
      {note.mentionedUsers.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('collab.notes.mentioned', { names: joinNames(note.mentionedUsers.map((user) => user.name), i18n.language) })}
        </Text>
      )}
    </Paper>
  );
};

/** Internal notes of a mention, with @autocomplete of colleagues who may see it and a collision warning. */
export const NotesPanel = ({ mentionId }: { mentionId: string }) => {
  const { t, i18n } = useTranslation();
  const notes = useMentionNotes(mentionId);
  const create = useCreateNote(mentionId);
  const typingReport = useTypingReport(mentionId);
  const selfId = useSession()?.user.id ?? null;
  const viewers = useMentionViewers(mentionId);
  const [text, setText] = useState('');
  const [handleQuery, setHandleQuery] = useState<HandleQuery | null>(null);
  const [unresolved, setUnresolved] = useState<UnresolvedHandle[]>([]);
  const cursorRef = useRef(0);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const suggestions = useMentionable(mentionId, handleQuery ? handleQuery.query : null);

  useEffect(() => {
    setText('');
    setHandleQuery(null);
    setUnresolved([]);
  }, [mentionId]);

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const value = event.currentTarget.value;
    const cursor = event.currentTarget.selectionStart ?? value.length;
    cursorRef.current = cursor;
    setText(value);
    setHandleQuery(activeHandleQuery(value, cursor));
    typingReport.changed(value.trim() !== '');
  };

  const choose = (handle: string) => {
    if (!handleQuery) return;
    const next = insertHandle(text, handleQuery, cursorRef.current, handle);
    setText(next.text);
    setHandleQuery(null);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const submit = () => {
    const value = text.trim();
    if (!value || create.isPending) return;
    create.mutate(value, {
      onSuccess: (created) => {
        setText('');
        setHandleQuery(null);
        setUnresolved(created.unresolved);
        typingReport.stop();
      },
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && handleQuery) {
      event.stopPropagation();
      setHandleQuery(null);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const collisions = collidingTypists(viewers, selfId, typingReport.typing);

  return (
    <Stack gap="xs" data-testid="notes-panel">
      {notes.isPending && <Loader size="xs" />}
      {notes.isError && (
        <Text size="sm" c="red.8" role="alert">
          {t('collab.notes.loadError', { message: describeApiError(notes.error, t) })}
        </Text>
      )}
      {notes.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('collab.notes.empty')}
        </Text>
      )}
      {notes.data?.map((note) => <NoteItem key={note.id} note={note} />)}

      {collisions.length > 0 && (
        <Alert color="orange" variant="light" p="xs" data-testid="collision-warning">
          <Text size="sm">{t('collab.collision', { names: joinNames(collisions.map((viewer) => viewer.name), i18n.language) })}</Text>
        </Alert>
      )}

      <Textarea
        ref={inputRef}
        value={text}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setHandleQuery(null), 150)}
        placeholder={t('collab.notes.placeholder')}
        aria-label={t('collab.tabs.notes')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={NOTE_MAX_LENGTH}
        data-testid="note-input"
      />
      {handleQuery && (
        <Paper withBorder shadow="sm" p={4} role="listbox" aria-label={t('collab.notes.suggestions')} data-testid="note-suggestions">
          {suggestions.data?.length === 0 && (
            <Text size="xs" c="dimmed" p={4}>
              {t('collab.notes.noSuggestion')}
            </Text>
          )}
          {suggestions.data?.map((user) => (
            <UnstyledButton
              key={user.id}
              role="option"
              aria-selected={false}
              display="block"
              w="100%"
              p={4}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(user.handle);
              }}
            >
              <Text size="sm" span fw={600}>
                {user.name}
              </Text>{' '}
              <Text size="xs" span c="dimmed">
                @{user.handle} · {t(`role.${user.role}`)}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('collab.notes.length', { count: text.length, max: NOTE_MAX_LENGTH })}
        </Text>
        <Button size="xs" onClick={submit} loading={create.isPending} disabled={!text.trim()} data-testid="note-submit">
          {t('collab.notes.send')}
        </Button>
      </Group>
      {create.isError && (
        <Text size="sm" c="red.8" role="alert">
          {t('collab.notes.failed', { message: describeApiError(create.error, t) })}
        </Text>
      )}
      {unresolved.length > 0 && (
        <Text size="xs" c="orange.8" data-testid="note-unresolved">
          {t('collab.notes.unresolved', {
            handles: unresolved.map((item) => `@${item.handle} (${t(`collab.notes.reason.${item.reason}`)})`).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
};
