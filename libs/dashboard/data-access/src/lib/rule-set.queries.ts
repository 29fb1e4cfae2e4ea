import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RuleSetDraftView,
  RuleSetTrialResult,
  RuleSetVersionSummary,
  SaveRuleSetDraftRequest,
} from '@sigap/contracts';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

const RULE_SETS = '/triage/rule-sets';

export const useRuleSetVersions = () =>
  useQuery({
    queryKey: queryKeys.ruleSetVersions(),
    queryFn: ({ signal }) => apiRequest<RuleSetVersionSummary[]>(RULE_SETS, { signal }),
  });

/** The saved draft, or the published rules to start one from. Not refetched behind an editor's back. */
export const useRuleSetDraft = () =>
  useQuery({
    queryKey: queryKeys.ruleSetDraft(),
    queryFn: ({ signal }) => apiRequest<RuleSetDraftView>(`${RULE_SETS}/draft`, { signal }),
    staleTime: Infinity,
  });

export const useSaveRuleSetDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveRuleSetDraftRequest) =>
      apiRequest<RuleSetDraftView>(`${RULE_SETS}/draft`, { method: 'PUT', body: request }),
    onSuccess: (draft) => queryClient.setQueryData(queryKeys.ruleSetDraft(), draft),
  });
};

export const useDiscardRuleSetDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(`${RULE_SETS}/draft`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ruleSetDraft() }),
  });
};

export const useTryRuleSetDraft = () =>
  useMutation({
    mutationFn: (limit: number) =>
      apiRequest<RuleSetTrialResult>(`${RULE_SETS}/draft/try`, { method: 'POST', body: { limit } }),
  });

/** Publishing and rollback both make a new version: the history and the draft's base change. */
const useNewVersion = <V>(request: (variables: V) => Promise<RuleSetVersionSummary>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.ruleSetVersions() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.ruleSetDraft() }),
      ]),
  });
};

export const usePublishRuleSetDraft = () =>
  useNewVersion((notes: string) =>
    apiRequest<RuleSetVersionSummary>(`${RULE_SETS}/draft/publish`, { method: 'POST', body: { notes } }),
  );

export const useRollbackRuleSet = () =>
  useNewVersion(({ version, notes }: { version: number; notes?: string }) =>
    apiRequest<RuleSetVersionSummary>(`${RULE_SETS}/${version}/rollback`, { method: 'POST', body: notes ? { notes } : {} }),
  );
