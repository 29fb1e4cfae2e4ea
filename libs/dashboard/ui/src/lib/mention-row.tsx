import { memo } from 'react';
import { Avatar, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Mention } from '@sigap/contracts';
import { ChannelLabel } from './channel-label';
import { firstLine } from './mention-text';
import { RelativeTime } from './relative-time';
import { URGENCY_COLORS } from './theme';
import { UrgencyBadge } from './urgency-badge';
import classes from './mention-row.module.css';

/** Every row has this height, so the virtual list can place 50,000 of them without measuring. */
export const MENTION_ROW_HEIGHT = 64;

export interface MentionRowProps {
  mention: Mention;
  /** The kecamatan's name, when known. */
  place: string | null;
  selected: boolean;
  /** Arrived live since the list was opened: flash once. */
  fresh?: boolean;
  onSelect: (id: string) => void;
  /** Distance from the top of the list in pixels (rows are absolutely placed by the virtual list). */
  offset?: number;
  /** With it, the row has a checkbox for bulk actions. */
  onCheckedChange?: (id: string, checked: boolean) => void;
  checked?: boolean;
}

/** Up to two initials of a name ("Rina Wati" → "RW"), for avatars. */
export const initialsOf = (name: string): string => {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [words[0][0]] : [words[0][0], words[words.length - 1][0]];
  return letters.join('').toLocaleUpperCase('id');
};

/** The holder is a filled avatar; an assignee (not yet holding it) an outlined, dashed one. */
const PersonAvatar = ({ name, label, kind }: { name: string; label: string; kind: 'holder' | 'assignee' }) => (
  <Tooltip label={label} withArrow openDelay={200}>
    <Avatar
      size={22}
      radius="xl"
      color={kind === 'holder' ? 'indigo' : 'gray'}
      variant={kind === 'holder' ? 'filled' : 'outline'}
      aria-label={label}
      role="img"
      className={kind === 'assignee' ? classes.assignee : undefined}
      data-testid={`mention-row-${kind}`}
      styles={{ placeholder: { fontSize: 10, fontWeight: 700 } }}
    >
      {initialsOf(name)}
    </Avatar>
  </Tooltip>
);

/** One line of the inbox. Public text is rendered only as React text. */
export const MentionRow = memo(function MentionRow({ mention, place, selected, fresh, onSelect, offset, onCheckedChange, checked = false }: MentionRowProps) {
  const { t } = useTranslation();
  const similar = (mention.clusterSize ?? 1) - 1;
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      data-testid="mention-row"
      data-mention-id={mention.id}
      className={fresh ? `${classes.row} ${classes.fresh}` : classes.row}
      style={{ height: MENTION_ROW_HEIGHT, transform: offset ? `translateY(${offset}px)` : undefined }}
      onClick={() => onSelect(mention.id)}
    >
      <div className={classes.stripe} style={{ background: `var(--mantine-color-${URGENCY_COLORS[mention.urgency]}-6)` }} />
      {onCheckedChange && (
        <input
          type="checkbox"
          className={classes.check}
          checked={checked}
          aria-label={t('dispatch.bulk.select', { handle: mention.author.handle })}
          data-testid="mention-row-check"
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => onCheckedChange(mention.id, event.currentTarget.checked)}
        />
      )}
      <div className={classes.body}>
        <div className={classes.line}>
          <UrgencyBadge urgency={mention.urgency} />
          <ChannelLabel channel={mention.channel} />
          <span className={classes.handle} data-testid="mention-row-author">
            @{mention.author.handle}
          </span>
          <span className={classes.place}>{place ?? ''}</span>
          {similar > 0 && (
            <span className={classes.similar} title={t('list.similarHint', { count: similar })} data-testid="mention-row-similar">
              {t('list.similar', { count: similar })}
            </span>
          )}
          {mention.claimedBy && (
            <PersonAvatar name={mention.claimedBy.name} label={t('desk.heldBy', { name: mention.claimedBy.name })} kind="holder" />
          )}
          {mention.assignedTo && mention.assignedTo.id !== mention.claimedBy?.id && (
            <PersonAvatar name={mention.assignedTo.name} label={t('deskViews.assignedTo', { name: mention.assignedTo.name })} kind="assignee" />
          )}
          <RelativeTime value={mention.postedAt} />
        </div>
        <div className={classes.text} data-testid="mention-row-text">
          {firstLine(mention.text)}
        </div>
      </div>
    </div>
  );
});
