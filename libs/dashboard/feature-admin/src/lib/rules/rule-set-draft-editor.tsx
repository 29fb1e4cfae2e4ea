import { useState } from 'react';
import { Alert, Badge, Button, Center, Grid, Group, List, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { RULE_SET_LIMITS, ruleSetLabel, type RuleSetDocument, type RuleSetTrialResult } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import {
  useDiscardRuleSetDraft,
  usePublishRuleSetDraft,
  useRuleSetDraft,
  useSaveRuleSetDraft,
  useTryRuleSetDraft,
} from '@sigap/dashboard/data-access';
import { RelativeTime, describeApiError } from '@sigap/dashboard/ui';
import { ChangeSummaryList } from './change-summary-list';
import { JsonEditor } from './json-editor';
import { PublishModal } from './publish-modal';
import {
  applyDraftEdit,
  describeField,
  fieldProblemsOf,
  formatRuleSetJson,
  problemsByTopic,
  sameDocument,
  type DraftEdit,
  type FieldProblem,
} from './rule-set-draft';
import { TopicEditor } from './topic-editor';
import { TrialResultView } from './trial-result-view';

type Mode = 'topics' | 'json';

interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

const TRIAL_SIZES = ['100', String(RULE_SET_LIMITS.defaultTrialSize), '1000', '2000', String(RULE_SET_LIMITS.maxTrialSize)];
const MAX_LISTED_PROBLEMS = 12;

/**
 * The one draft: edited here (topics in a structured view, everything in JSON), saved, tried on
 * recent mentions, and published with notes. Edits stay local until saved; the server checks
 * every save and points at each problem.
 */
export const RuleSetDraftEditor = () => {
  const { t } = useTranslation();
  const draft = useRuleSetDraft();
  const save = useSaveRuleSetDraft();
  const discard = useDiscardRuleSetDraft();
  const tryDraft = useTryRuleSetDraft();
  const publish = usePublishRuleSetDraft();

  const [edited, setEdited] = useState<RuleSetDocument | null>(null);
  const [mode, setMode] = useState<Mode>('topics');
  const [jsonText, setJsonText] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [trial, setTrial] = useState<{ result: RuleSetTrialResult; document: RuleSetDocument } | null>(null);
  const [trialSize, setTrialSize] = useState(String(RULE_SET_LIMITS.defaultTrialSize));
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [publishing, setPublishing] = useState(false);

  if (draft.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (draft.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('rules.loadError', { message: describeApiError(draft.error, t) })}
      </Alert>
    );
  }

  const server = draft.data;
  const document = edited ?? server.content;
  const dirty = edited !== null && !sameDocument(edited, server.content);
  const publishedLabel = ruleSetLabel(server.publishedVersion);
  const jsonBase = mode === 'json' ? formatRuleSetJson(document) : '';
  const jsonPending = jsonText !== null && jsonText !== jsonBase;
  const changeCount = server.changes.added + server.changes.removed + server.changes.changed;
  const busy = save.isPending || discard.isPending || publish.isPending;

  const edit = (change: DraftEdit): void => setEdited(applyDraftEdit(document, change));

  const saveDraft = async (): Promise<boolean> => {
    setNotice(null);
    try {
      await save.mutateAsync({ content: document });
      setEdited(null);
      setProblems([]);
      return true;
    } catch (error) {
      const found = fieldProblemsOf(error);
      setProblems(found);
      // Problems with a path are listed on their own; only other failures need the message.
      if (found.length === 0) setNotice({ kind: 'error', text: t('rules.saveFailed', { message: describeApiError(error, t) }) });
      return false;
    }
  };

  const runTrial = async (): Promise<void> => {
    if ((dirty || !server.saved) && !(await saveDraft())) return;
    tryDraft.mutate(Number(trialSize), {
      onSuccess: (result) => setTrial({ result, document }),
      onError: (error) => setNotice({ kind: 'error', text: t('rules.tryFailed', { message: describeApiError(error, t) }) }),
    });
  };

  const discardDraft = (): void => {
    if (!confirmDiscard) {
      setConfirmDiscard(true);
      return;
    }
    setConfirmDiscard(false);
    discard.mutate(undefined, {
      onSuccess: () => {
        setEdited(null);
        setJsonText(null);
        setProblems([]);
        setTrial(null);
        setNotice({ kind: 'ok', text: t('rules.discarded', { label: publishedLabel }) });
      },
      onError: (error) => setNotice({ kind: 'error', text: describeApiError(error, t) }),
    });
  };

  const publishDraft = (notes: string): void => {
    publish.mutate(notes, {
      onSuccess: (created) => {
        setPublishing(false);
        setEdited(null);
        setTrial(null);
        setNotice({ kind: 'ok', text: t('rules.publishedNotice', { label: created.label }) });
      },
    });
  };

  const switchMode = (next: Mode): void => {
    if (next === mode || jsonPending) return;
    setJsonText(null);
    setMode(next);
  };

  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);

  return (
    <Stack gap="sm" data-testid="rule-set-draft">
      <Paper withBorder radius="sm" px="sm" py={8}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            {server.saved ? (
              <>
                <Text size="sm">{t('rules.draftSaved', { name: server.updatedBy?.name ?? t('rules.system') })}</Text>
                {server.updatedAt && <RelativeTime value={server.updatedAt} />}
                {server.baseVersion !== null && (
                  <Text size="sm" c="dimmed">
                    · {t('rules.draftBase', { label: ruleSetLabel(server.baseVersion) })}
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('rules.draftUnsaved', { label: publishedLabel })}
              </Text>
            )}
            {dirty && (
              <Badge color="yellow" variant="light" tt="none" data-testid="draft-dirty">
                ● {t('rules.unsaved')}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="wrap">
            {dirty && (
              <Button size="xs" variant="subtle" color="gray" onClick={() => setEdited(null)} disabled={busy}>
                {t('rules.undo')}
              </Button>
            )}
            {server.saved && (
              <Button size="xs" variant={confirmDiscard ? 'filled' : 'subtle'} color="red" onClick={discardDraft} loading={discard.isPending} onBlur={() => setConfirmDiscard(false)}>
                {confirmDiscard ? t('rules.discardConfirm') : t('rules.discard')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => void saveDraft()} disabled={!dirty || jsonPending} loading={save.isPending} data-testid="save-draft">
              {t('rules.save')}
            </Button>
            <Button
              size="xs"
              onClick={() => {
                publish.reset();
                setPublishing(true);
              }}
              disabled={dirty || jsonPending || !server.saved || changeCount === 0 || busy}
              title={dirty ? t('rules.publishNeedsSave') : undefined}
              data-testid="publish-draft"
            >
              {t('rules.publish')}
            </Button>
          </Group>
        </Group>
      </Paper>

      {server.saved && server.baseVersion !== null && server.baseVersion !== server.publishedVersion && (
        <Alert color="yellow" variant="light" p="xs" data-testid="draft-stale">
          <Text size="sm">
            {t('rules.draftStale', { base: ruleSetLabel(server.baseVersion), published: publishedLabel })}
          </Text>
        </Alert>
      )}
      {notice && (
        <Alert color={notice.kind === 'ok' ? 'green' : 'red'} variant="light" withCloseButton onClose={() => setNotice(null)} p="xs" data-testid="draft-notice">
          <Text size="sm">{notice.text}</Text>
        </Alert>
      )}
      {problems.length > 0 && (
        <Alert color="red" variant="light" p="xs" title={t('rules.problems', { count: problems.length })} data-testid="draft-problems">
          <List size="xs" spacing={0}>
            {listed.map((problem, index) => (
              <List.Item key={index}>
                <Text span ff="monospace" size="xs">
                  {describeField(problem.field, document)}
                </Text>
                : {problem.message}
              </List.Item>
            ))}
          </List>
          {problems.length > listed.length && (
            <Text size="xs" mt={4}>
              {t('rules.moreProblems', { count: problems.length - listed.length })}
            </Text>
          )}
        </Alert>
      )}

      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder radius="sm" p="sm">
            <Stack gap="sm">
              <SegmentedControl
                size="xs"
                value={mode}
                onChange={(value) => switchMode(value as Mode)}
                data={[
                  { value: 'topics', label: t('rules.mode.topics'), disabled: jsonPending },
                  { value: 'json', label: t('rules.mode.json') },
                ]}
                style={{ alignSelf: 'flex-start' }}
              />
              {mode === 'topics' ? (
                <TopicEditor document={document} onEdit={edit} problems={problemsByTopic(problems)} />
              ) : (
                <JsonEditor
                  value={jsonText ?? jsonBase}
                  pending={jsonPending}
                  onChange={setJsonText}
                  onApply={(parsed) => {
                    setEdited(parsed);
                    setJsonText(null);
                  }}
                  onReset={() => setJsonText(null)}
                />
              )}
            </Stack>
          </Paper>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <Paper withBorder radius="sm" p="sm">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-end" gap="xs" wrap="nowrap">
                  <div>
                    <Title order={3} fz="md">
                      {t('rules.tryTitle')}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {t('rules.tryHint')}
                    </Text>
                  </div>
                  <Group gap={6} wrap="nowrap" align="flex-end">
                    <Select
                      size="xs"
                      w={96}
                      label={t('rules.trySample')}
                      data={TRIAL_SIZES}
                      value={trialSize}
                      onChange={(value) => value && setTrialSize(value)}
                      allowDeselect={false}
                    />
                    <Button size="xs" onClick={() => void runTrial()} loading={tryDraft.isPending || save.isPending} disabled={jsonPending} data-testid="try-draft">
                      {t('rules.tryButton')}
                    </Button>
                  </Group>
                </Group>
                {trial && <TrialResultView result={trial.result} outdated={!sameDocument(trial.document, document)} />}
              </Stack>
            </Paper>

            <Paper withBorder radius="sm" p="sm">
              <Stack gap="xs">
                <Group gap="xs" align="baseline">
                  <Title order={3} fz="md">
                    {t('rules.changesTitle', { label: publishedLabel })}
                  </Title>
                  {dirty && (
                    <Text size="xs" c="yellow.9">
                      ({t('rules.unsaved')})
                    </Text>
                  )}
                </Group>
                <ChangeSummaryList summary={server.changes} />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      {publishing && (
        <PublishModal
          opened
          nextLabel={ruleSetLabel(server.publishedVersion + 1)}
          initialNotes={server.notes}
          changes={server.changes}
          pending={publish.isPending}
          error={publish.isError ? t('rules.publishFailed', { message: describeApiError(publish.error, t) }) : null}
          onClose={() => setPublishing(false)}
          onPublish={publishDraft}
        />
      )}
    </Stack>
  );
};
