import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  List,
  Modal,
  NavLink,
  NumberInput,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import type { OpdTag, RuleSetDocument, RuleSetTopicDocument } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useOpds } from '@sigap/dashboard/data-access';
import { describeField, filterTopics, topicIdProblem, type DraftEdit, type FieldProblem } from './rule-set-draft';

export interface TopicEditorProps {
  document: RuleSetDocument;
  onEdit: (edit: DraftEdit) => void;
  /** The server's problems per topic index. */
  problems: Map<number, FieldProblem[]>;
}

const toNumber = (value: number | string, fallback: number): number => {
  const number = typeof value === 'number' ? value : Number(value.replace(',', '.'));
  return Number.isFinite(number) && value !== '' ? number : fallback;
};

type OpdOption = { value: string; label: string };

const NewTopicModal = ({ document, opened, onClose, onCreate }: { document: RuleSetDocument; opened: boolean; onClose: () => void; onCreate: (id: string, label: string) => void }) => {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const problem = id ? topicIdProblem(id, document) : null;
  const submit = (): void => {
    if (!id || problem || !label.trim()) return;
    onCreate(id, label.trim());
    setId('');
    setLabel('');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('rules.newTopicTitle')} centered>
      <Stack gap="sm">
        <TextInput
          label={t('rules.topicId')}
          description={t('rules.topicIdHint')}
          value={id}
          onChange={(event) => setId(event.currentTarget.value.trim().toLowerCase())}
          error={problem ? t(problem) : undefined}
          ff="monospace"
          data-autofocus
        />
        <TextInput label={t('rules.topicLabel')} value={label} onChange={(event) => setLabel(event.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('rules.cancel')}
          </Button>
          <Button onClick={submit} disabled={!id || problem !== null || !label.trim()}>
            {t('rules.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};

const KeywordTable = ({ topic, index, onEdit }: { topic: RuleSetTopicDocument; index: number; onEdit: TopicEditorProps['onEdit'] }) => {
  const { t } = useTranslation();
  const [phrase, setPhrase] = useState('');
  const [weight, setWeight] = useState<number | string>(2);
  const add = (): void => {
    if (!phrase.trim()) return;
    onEdit({ type: 'addKeyword', topic: index, keyword: { phrase: phrase.trim(), weight: toNumber(weight, 2) } });
    setPhrase('');
  };
  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Title order={4} fz="sm">
          {t('rules.keywords')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('rules.keywordsHint')}
        </Text>
      </Group>
      {topic.keywords.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rules.noKeywords')}
        </Text>
      ) : (
        <Table verticalSpacing={2} horizontalSpacing={4} withRowBorders={false} data-testid="keyword-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th fz="xs">{t('rules.phrase')}</Table.Th>
              <Table.Th fz="xs" w={96}>
                {t('rules.weight')}
              </Table.Th>
              <Table.Th w={32} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {topic.keywords.map((keyword, k) => (
              <Table.Tr key={k}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={keyword.phrase}
                    aria-label={t('rules.phrase')}
                    onChange={(event) => onEdit({ type: 'keyword', topic: index, index: k, patch: { phrase: event.currentTarget.value } })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    value={keyword.weight}
                    min={0}
                    step={0.5}
                    decimalScale={2}
                    aria-label={t('rules.weight')}
                    onChange={(value) => onEdit({ type: 'keyword', topic: index, index: k, patch: { weight: toNumber(value, keyword.weight) } })}
                  />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('rules.remove')}>
                    <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('rules.remove')} onClick={() => onEdit({ type: 'removeKeyword', topic: index, index: k })}>
                      ×
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          placeholder={t('rules.newKeyword')}
          value={phrase}
          onChange={(event) => setPhrase(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
          aria-label={t('rules.newKeyword')}
          data-testid="new-keyword"
        />
        <NumberInput size="xs" w={96} value={weight} min={0} step={0.5} decimalScale={2} onChange={setWeight} aria-label={t('rules.weight')} />
        <Button size="xs" variant="light" onClick={add} disabled={!phrase.trim()} data-testid="add-keyword">
          {t('rules.add')}
        </Button>
      </Group>
    </Stack>
  );
};

const RouteTable = ({ topic, index, onEdit, options }: { topic: RuleSetTopicDocument; index: number; onEdit: TopicEditorProps['onEdit']; options: OpdOption[] }) => {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [confidence, setConfidence] = useState<number | string>(0.8);
  const withCurrent = (current: string): OpdOption[] =>
    options.some((option) => option.value === current) ? options : [{ value: current, label: current }, ...options];
  const add = (): void => {
    if (!code) return;
    onEdit({ type: 'addRoute', topic: index, route: { code, confidence: toNumber(confidence, 0.8) } });
    setCode(null);
  };
  const route = (r: number, patch: Partial<OpdTag>): void => onEdit({ type: 'route', topic: index, index: r, patch });
  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Title order={4} fz="sm">
          {t('rules.routes')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('rules.routesHint')}
        </Text>
      </Group>
      {topic.opd.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rules.noRoutes')}
        </Text>
      ) : (
        <Table verticalSpacing={2} horizontalSpacing={4} withRowBorders={false} data-testid="route-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={24} />
              <Table.Th fz="xs">{t('rules.opd')}</Table.Th>
              <Table.Th fz="xs" w={96}>
                {t('rules.confidence')}
              </Table.Th>
              <Table.Th w={88} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {topic.opd.map((opd, r) => (
              <Table.Tr key={r}>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {r + 1}.
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    searchable
                    data={withCurrent(opd.code)}
                    value={opd.code}
                    allowDeselect={false}
                    aria-label={t('rules.opd')}
                    onChange={(value) => value && route(r, { code: value })}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    value={opd.confidence}
                    min={0}
                    max={1}
                    step={0.05}
                    decimalScale={2}
                    aria-label={t('rules.confidence')}
                    onChange={(value) => route(r, { confidence: toNumber(value, opd.confidence) })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={0} wrap="nowrap" justify="flex-end">
                    <ActionIcon variant="subtle" size="sm" aria-label={t('rules.moveUp')} disabled={r === 0} onClick={() => onEdit({ type: 'moveRoute', topic: index, index: r, by: -1 })}>
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={t('rules.moveDown')}
                      disabled={r === topic.opd.length - 1}
                      onClick={() => onEdit({ type: 'moveRoute', topic: index, index: r, by: 1 })}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('rules.remove')} onClick={() => onEdit({ type: 'removeRoute', topic: index, index: r })}>
                      ×
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap={4} wrap="nowrap">
        <Select
          size="xs"
          style={{ flex: 1 }}
          searchable
          clearable
          placeholder={t('rules.chooseOpd')}
          data={options.filter((option) => !topic.opd.some((opd) => opd.code === option.value))}
          value={code}
          onChange={setCode}
          aria-label={t('rules.chooseOpd')}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput size="xs" w={96} value={confidence} min={0} max={1} step={0.05} decimalScale={2} onChange={setConfidence} aria-label={t('rules.confidence')} />
        <Button size="xs" variant="light" onClick={add} disabled={!code}>
          {t('rules.add')}
        </Button>
      </Group>
      {(topic.routing ?? []).length > 0 && (
        <Box>
          <Text size="xs" c="dimmed" mb={2}>
            {t('rules.conditional')}
          </Text>
          <List size="xs" spacing={0}>
            {(topic.routing ?? []).map((rule, r) => {
              const values = { phrases: rule.whenAny.map((p) => `'${p}'`).join(', '), codes: rule.opd.map((o) => o.code).join(', ') };
              return <List.Item key={r}>{rule.mode === 'replace' ? t('rules.conditionalReplace', values) : t('rules.conditionalAppend', values)}</List.Item>;
            })}
          </List>
        </Box>
      )}
    </Stack>
  );
};

/** Topics with their keywords, weights and OPD routes, edited in place; the rest of the rules live in the JSON view. */
export const TopicEditor = ({ document, onEdit, problems }: TopicEditorProps) => {
  const { t } = useTranslation();
  const opds = useOpds();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState(0);
  const [adding, setAdding] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const options = useMemo<OpdOption[]>(
    () => (opds.data ?? []).map((opd) => ({ value: opd.code, label: `${opd.code} — ${opd.name}` })),
    [opds.data],
  );
  const visible = filterTopics(document, search);
  const index = Math.min(selected, document.topics.length - 1);
  const topic = document.topics[index];
  const topicProblems = problems.get(index) ?? [];

  const select = (next: number): void => {
    setSelected(next);
    setConfirmRemove(false);
  };

  return (
    <Group align="flex-start" gap="md" wrap="nowrap" data-testid="topic-editor">
      <Stack gap={6} w={236} style={{ flexShrink: 0 }}>
        <TextInput size="xs" placeholder={t('rules.searchTopics')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} aria-label={t('rules.searchTopics')} />
        <ScrollArea.Autosize mah={500} type="auto" offsetScrollbars>
          {visible.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('rules.noTopics')}
            </Text>
          ) : (
            visible.map(({ topic: item, index: i }) => (
              <NavLink
                key={`${i}:${item.id}`}
                active={i === index}
                onClick={() => select(i)}
                label={item.label}
                description={`${item.id} · ${t('rules.keywordCount', { count: item.keywords.length })} · ${item.opd[0]?.code ?? '—'}`}
                rightSection={
                  problems.has(i) ? (
                    <Badge size="xs" color="red" variant="filled" aria-label={t('rules.problems', { count: problems.get(i)?.length ?? 0 })}>
                      !
                    </Badge>
                  ) : undefined
                }
                py={4}
                data-testid="topic-item"
              />
            ))
          )}
        </ScrollArea.Autosize>
        <Button size="xs" variant="light" onClick={() => setAdding(true)}>
          {t('rules.addTopic')}
        </Button>
      </Stack>

      {topic && (
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }} data-testid="topic-detail" data-topic-id={topic.id}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              size="xs"
              label={t('rules.topicLabel')}
              value={topic.label}
              onChange={(event) => onEdit({ type: 'topic', topic: index, patch: { label: event.currentTarget.value } })}
              style={{ flex: 1, minWidth: 180 }}
            />
            <TextInput size="xs" label={t('rules.topicId')} value={topic.id} readOnly ff="monospace" w={170} />
            <NumberInput
              size="xs"
              label={t('rules.baseScore')}
              title={t('rules.baseScoreHint')}
              value={topic.baseScore}
              min={0}
              max={100}
              w={96}
              onChange={(value) => onEdit({ type: 'topic', topic: index, patch: { baseScore: toNumber(value, topic.baseScore) } })}
            />
            <Button
              size="xs"
              variant={confirmRemove ? 'filled' : 'subtle'}
              color="red"
              onClick={() => {
                if (!confirmRemove) return setConfirmRemove(true);
                onEdit({ type: 'removeTopic', topic: index });
                select(Math.max(0, index - 1));
              }}
            >
              {confirmRemove ? t('rules.removeTopicConfirm') : t('rules.removeTopic')}
            </Button>
          </Group>
          {topicProblems.length > 0 && (
            <Alert color="red" variant="light" p="xs" data-testid="topic-problems">
              <List size="xs" spacing={0}>
                {topicProblems.map((problem, p) => (
                  <List.Item key={p}>
                    <Text span ff="monospace" size="xs">
                      {describeField(problem.field, document)}
                    </Text>
                    : {problem.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <KeywordTable topic={topic} index={index} onEdit={onEdit} />
          <RouteTable topic={topic} index={index} onEdit={onEdit} options={options} />
        </Stack>
      )}

      <NewTopicModal
        document={document}
        opened={adding}
        onClose={() => setAdding(false)}
        onCreate={(id, label) => {
          onEdit({ type: 'addTopic', id, label });
          select(document.topics.length);
          setAdding(false);
        }}
      />
    </Group>
  );
};
