import { useMemo, useState, type ReactNode } from 'react';
import { ROLES_SEEING_ALL, type Mention, type MentionClaimConflict } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, useClaimMention, useOpds, useReleaseMention, useSession, useSetMentionStatus } from '@sigap/dashboard/data-access';
import { DeskControls, describeApiError } from '@sigap/dashboard/ui';
import { MentionAssignSection } from './mention-assign';
import { canCorrect } from './mention-correction';
import { displayName } from './reference-lookup';

/** What to tell someone whose desk action was refused: who holds it, or why it was refused. */
export const deskFailureMessage = (t: TFunction, error: Error): string => {
  const holder = holderOf(error);
  return holder ? t('desk.claimedElsewhere', { name: holder.name }) : t('desk.failed', { message: describeApiError(error, t) });
};

const holderOf = (error: Error): MentionClaimConflict['holder'] | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as Partial<MentionClaimConflict> | undefined;
  return details?.holder && typeof details.holder.name === 'string' ? details.holder : null;
};

/** Claim/release and status of one mention. Mount it with `key={mention.id}`. */
export const MentionDesk = ({ mention, userId, supervisor, assign }: { mention: Mention; userId: string; supervisor: boolean; assign?: ReactNode }) => {
  const { t } = useTranslation();
  const claim = useClaimMention();
  const release = useReleaseMention();
  const setStatus = useSetMentionStatus();
  const [error, setError] = useState<string | null>(null);
  const opds = useOpds();
  const forwardOptions = useMemo(
    () =>
      (opds.data ?? [])
        // The server refuses inactive OPDs as forwarding targets; they are not offered.
        .filter((opd) => opd.active !== false && !mention.opdCodes.includes(opd.code))
        .map((opd) => ({ value: opd.code, label: `${opd.code} — ${displayName(opd.name)}` })),
    [opds.data, mention.opdCodes],
  );

  const onError = (failure: Error): void => setError(deskFailureMessage(t, failure));

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
      similarCount={Math.max(0, mention.clusterSize - 1)}
      onClaimCluster={() => {
        setError(null);
        claim.mutate({ id: mention.id, cluster: true }, { onError });
      }}
      onRelease={() => {
        setError(null);
        release.mutate(mention.id, { onError });
      }}
      currentOpds={mention.opdCodes}
      forwardOptions={forwardOptions}
      assign={assign}
      onStatusChange={(request) => {
        setError(null);
        setStatus.mutate({ id: mention.id, ...request }, { onError });
      }}
    />
  );
};

/** Holder, status and (for supervisors) assignment; nothing for the roles that do not handle mentions. */
export const MentionDeskSection = ({ mention }: { mention: Mention }) => {
  const session = useSession();
  const user = session?.user;
  if (!user || !canCorrect(user.role)) return null;
  return (
    <MentionDesk
      key={mention.id}
      mention={mention}
      userId={user.id}
      supervisor={ROLES_SEEING_ALL.includes(user.role)}
      assign={<MentionAssignSection mention={mention} />}
    />
  );
};
