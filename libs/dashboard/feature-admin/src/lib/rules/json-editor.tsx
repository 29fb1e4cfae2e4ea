import { useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { RuleSetDocument } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { parseRuleSetJson } from './rule-set-draft';

export interface JsonEditorProps {
  /** The text being edited. */
  value: string;
  /** True when the text differs from the draft it was made from. */
  pending: boolean;
  onChange: (text: string) => void;
  onApply: (document: RuleSetDocument) => void;
  onReset: () => void;
}

const offsetOf = (text: string, line: number, column: number): number => {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0) + Math.max(0, column - 1);
};

/** The whole rule set as JSON, for the parts the structured view does not cover. Parse errors point at the line. */
export const JsonEditor = ({ value, pending, onChange, onApply, onReset }: JsonEditorProps) => {
  const { t } = useTranslation();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = (): void => {
    const parsed = parseRuleSetJson(value);
    if (parsed.ok) {
      setError(null);
      onApply(parsed.document);
      return;
    }
    if (parsed.line !== null && parsed.column !== null) {
      setError(t('rules.jsonErrorAt', { line: parsed.line, column: parsed.column, message: parsed.message }));
      const offset = offsetOf(value, parsed.line, parsed.column);
      textarea.current?.focus();
      textarea.current?.setSelectionRange(offset, offset + 1);
    } else {
      setError(t('rules.jsonError', { message: parsed.message }));
    }
  };

  return (
    <Stack gap="xs" data-testid="json-editor">
      <Text size="xs" c="dimmed">
        {t('rules.jsonHint')}
      </Text>
      <Textarea
        ref={textarea}
        value={value}
        onChange={(event) => {
          setError(null);
          onChange(event.currentTarget.value);
        }}
        autosize
        minRows={16}
        maxRows={28}
        spellCheck={false}
        error={error}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12, lineHeight: 1.45 } }}
        aria-label={t('rules.mode.json')}
        data-testid="json-textarea"
      />
      {pending && (
        <Alert color="yellow" variant="light" p={6}>
          <Text size="xs">{t('rules.jsonPending')}</Text>
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={apply} disabled={!pending} data-testid="json-apply">
          {t('rules.jsonApply')}
        </Button>
        <Button size="xs" variant="default" onClick={onReset} disabled={!pending}>
          {t('rules.jsonReset')}
        </Button>
      </Group>
    </Stack>
  );
};
