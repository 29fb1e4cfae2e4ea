import { useState } from 'react';
import { ROLES_SEEING_ALL, type Mention, type MentionClaimConflict } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError, useClaimMention, useReleaseMention, useSession, useSetMentionStatus } from '@sigap/dashboard/data-access';
import { DeskControls } from '@sigap/dashboard/ui';
import { canCorrect } from './mention-correction';

const holderOf = (error: Error): MentionClaimConflict['holder'] | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as Partial<MentionClaimConflict> | undefined;
  return details?.holder && typeof details.holder.name === 'string' ? details.holder : null;
};

/** Claim/release and status of one mention. Mount it with `key={mention.id}`. */
export const MentionDesk = ({ mention, userId, supervisor }: { mention: Mention; userId: string; supervisor: boolean }) => {
  const { t } = useTranslation();
  const claim = useClaimMention();
  const release = useReleaseMention();
  const setStatus = useSetMentionStatus();
  const [error, setError] = useState<string | null>(null);

  const onError = (failure: Error): void => {
    const holder = holderOf(failure);
    setError(holder ? t('desk.claimedElsewhere', { name: holder.name }) : t('desk.failed', { message: failure.message }));
  };

  return (
    <DeskControls
      status={mention.status}
      holder={mention.claimedBy}
      heldByMe={mention.claimedBy?.id === userId}
      canReleaseOthers={supervisor}
      busy={claim.isPending || release.isPending || setStatus.isPending}
      error={error}
      onClaim={() => {
        setError(null);
        claim.mutate(mention.id, { onError });
      }}
      onRelease={() => {
        setError(null);
        release.mutate(mention.id, { onError });
      }}
      onStatusChange={(status) => {
        setError(null);
        setStatus.mutate({ id: mention.id, status }, { onError });
      }}
    />
  );
};

/** The desk section for the signed-in user; nothing for the roles that do not handle mentions. */
export const MentionDeskSection = ({ mention }: { mention: Mention }) => {
  const session = useSession();
  const user = session?.user;
  if (!user || !canCorrect(user.role)) return null;
  return <MentionDesk key={mention.id} mention={mention} userId={user.id} supervisor={ROLES_SEEING_ALL.includes(user.role)} />;
};
