import { useMemo, useState } from 'react';
import type { Mention, MentionCorrectionRequest, OpdView, Role, Urgency } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useCorrectMention, useOpds, useSession } from '@sigap/dashboard/data-access';
import { CorrectionForm, type CorrectionFormStatus, type CorrectionOpdGroup, type CorrectionOpdOption, describeApiError } from '@sigap/dashboard/ui';
import { displayName } from './reference-lookup';

/** The roles the server lets correct a mention (liaisons get 403). */
export const CORRECTING_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin'];

export const canCorrect = (role: Role | null | undefined): boolean =>
  role !== null && role !== undefined && CORRECTING_ROLES.includes(role);

/** Kecamatan/kelurahan offices are found by the engine, never corrected by hand. */
const isArea = (code: string): boolean => code.startsWith('KEC-') || code.startsWith('KEL-');

/** The OPDs of a mention that a correction may change, most responsible first. */
export const correctableOpds = (mention: Mention): string[] => mention.opdCodes.filter((code) => !isArea(code));

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((code, index) => code === b[index]);

/** Only what differs from the mention as stored; null when nothing does. */
export const correctionRequest = (mention: Mention, urgency: Urgency, opd: string[]): MentionCorrectionRequest | null => {
  const request: MentionCorrectionRequest = {};
  if (urgency !== mention.urgency) request.urgency = urgency;
  if (!sameList(opd, correctableOpds(mention))) request.opd = opd;
  return request.urgency === undefined && request.opd === undefined ? null : request;
};

const OPD_KINDS = ['opd', 'external'] as const satisfies readonly OpdView['kind'][];

/** The "Koreksi triase" section of the detail pane. Mount it with `key={mention.id}`. */
export const MentionCorrection = ({ mention }: { mention: Mention }) => {
  const { t } = useTranslation();
  const opds = useOpds();
  const correct = useCorrectMention();
  const [urgency, setUrgency] = useState<Urgency>(mention.urgency);
  const [opd, setOpd] = useState<string[]>(() => correctableOpds(mention));
  const [status, setStatus] = useState<CorrectionFormStatus>(null);

  const options = useMemo(() => {
    const list = opds.data ?? [];
    const groups: (CorrectionOpdGroup | CorrectionOpdOption)[] = OPD_KINDS.map((kind) => ({
      group: t(`filters.opdGroups.${kind}`),
      items: list
        .filter((item) => item.kind === kind)
        .map((item) => ({ value: item.code, label: `${item.code} — ${displayName(item.name)}` })),
    })).filter((group) => group.items.length > 0);
    // Codes the mention carries that the reference list does not (yet) name.
    const known = new Set(list.map((item) => item.code));
    for (const code of new Set([...correctableOpds(mention), ...opd])) {
      if (!known.has(code)) groups.push({ value: code, label: code });
    }
    return groups;
  }, [opds.data, mention, opd, t]);

  const request = correctionRequest(mention, urgency, opd);
  const save = (): void => {
    if (!request) return;
    setStatus(null);
    correct.mutate(
      { id: mention.id, correction: request },
      {
        onSuccess: () => setStatus({ kind: 'saved' }),
        onError: (error) => setStatus({ kind: 'error', message: describeApiError(error, t) }),
      },
    );
  };

  return (
    <CorrectionForm
      urgency={urgency}
      opd={opd}
      opdOptions={options}
      onUrgencyChange={(value) => {
        setUrgency(value);
        setStatus(null);
      }}
      onOpdChange={(value) => {
        setOpd(value);
        setStatus(null);
      }}
      onSave={save}
      saving={correct.isPending}
      canSave={request !== null}
      status={status}
    />
  );
};

/** The correction section for the signed-in user; nothing for the roles that may not correct. */
export const MentionCorrectionSection = ({ mention }: { mention: Mention }) => {
  const session = useSession();
  if (!canCorrect(session?.user.role)) return null;
  return <MentionCorrection key={mention.id} mention={mention} />;
};
