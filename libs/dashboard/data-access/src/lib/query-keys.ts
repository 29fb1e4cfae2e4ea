import type { MentionFilters } from './mention-filters';

/** Every query key the dashboard uses, in one place so the live feed can find the lists. */
export const queryKeys = {
  me: () => ['auth', 'me'] as const,
  mentions: () => ['mentions'] as const,
  mentionLists: () => ['mentions', 'list'] as const,
  mentionList: (filters: MentionFilters) => ['mentions', 'list', filters] as const,
  mentionDetails: () => ['mentions', 'detail'] as const,
  mentionDetail: (id: string) => ['mentions', 'detail', id] as const,
  opds: () => ['reference', 'opds'] as const,
  areas: (kind: string) => ['reference', 'areas', kind] as const,
  queues: () => ['admin', 'queues'] as const,
  failedJobs: (queue: string) => ['admin', 'queues', queue, 'failed'] as const,
  ruleSetVersions: () => ['triage', 'rule-sets'] as const,
  ruleSetDraft: () => ['triage', 'rule-sets', 'draft'] as const,
  desk: () => ['desk'] as const,
  deskBoard: () => ['desk', 'board'] as const,
  myWork: () => ['desk', 'my-work'] as const,
  rotaAll: () => ['rota'] as const,
  rota: (opd: string, from: string, to: string) => ['rota', 'shifts', opd, from, to] as const,
  onCall: (opd: string) => ['rota', 'on-call', opd] as const,
  deskPeople: () => ['rota', 'people'] as const,
  channels: () => ['channels'] as const,
};

export type MentionListKey = ReturnType<typeof queryKeys.mentionList>;
