import { useEffect, useRef, useState, type Ref } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 300;

export interface SearchInputProps {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** Free-text search; the query follows typing after a short pause, not on every key. */
export const SearchInput = ({ value, onChange, inputRef }: SearchInputProps) => {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const emitted = useRef(value);

  useEffect(() => {
    const next = debounced.trim().replace(/\s+/g, ' ');
    if (next === emitted.current) return;
    emitted.current = next;
    onChange(next);
  }, [debounced, onChange]);

  // Follow changes made elsewhere (clearing all filters, a link) but never undo typing in progress.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(value);
  }, [value]);

  return (
    <TextInput
      ref={inputRef}
      type="search"
      maxLength={200}
      size="sm"
      aria-label={t('filters.search')}
      placeholder={t('filters.searchPlaceholder')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.currentTarget.blur();
        if (event.key === 'Enter') {
          emitted.current = text.trim().replace(/\s+/g, ' ');
          onChange(emitted.current);
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t('common.close')}
            onClick={() => {
              setText('');
              emitted.current = '';
              onChange('');
            }}
          />
        ) : null
      }
      data-testid="inbox-search"
    />
  );
};
