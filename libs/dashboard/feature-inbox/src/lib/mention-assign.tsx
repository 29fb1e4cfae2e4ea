import { useState } from 'react';
import { NativeSelect, Stack, Text } from '@mantine/core';
import { ROLES_SEEING_ALL, type Mention } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useAssignMention, useDeskPeople, useSession } from '@sigap/dashboard/data-access';
import { describeApiError } from '@sigap/dashboard/ui';

/** "Tugaskan ke…": a supervisor picks an admin of the mention's OPDs (any admin when unrouted). */
export const MentionAssignSection = ({ mention }: { mention: Mention }) => {
  const { t } = useTranslation();
  const session = useSession();
  const supervisor = session !== null && ROLES_SEEING_ALL.includes(session.user.role);
  const people = useDeskPeople(supervisor);
  const assign = useAssignMention();
  const [error, setError] = useState<string | null>(null);
  if (!supervisor) return null;

  const admins = (people.data ?? []).filter(
    (person) => person.role === 'admin' && (mention.opdCodes.length === 0 || person.opds.some((code) => mention.opdCodes.includes(code))),
  );
  const current = mention.assignedTo;
  // The assignee stays in the list even if they no longer qualify, so the select shows them.
  const options = current && !admins.some((person) => person.id === current.id) ? [{ id: current.id, name: current.name }, ...admins] : admins;
  return (
    <Stack gap={4} data-testid="mention-assign">
      <NativeSelect
        size="xs"
        label={t('dispatch.assign.label')}
        value={current?.id ?? ''}
        disabled={assign.isPending}
        onChange={(event) => {
          setError(null);
          const userId = event.currentTarget.value || null;
          assign.mutate({ id: mention.id, userId }, { onError: (failure) => setError(t('dispatch.assign.failed', { message: describeApiError(failure, t) })) });
        }}
        data={[
          { value: '', label: current ? t('dispatch.assign.unassign') : t('dispatch.assign.none') },
          ...options.map((person) => ({ value: person.id, label: person.name })),
        ]}
        data-testid="mention-assign-select"
      />
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
};
