import { Injectable } from '@nestjs/common';
import {
  TIMELINE_HIDDEN_ACTIONS,
  TIMELINE_SAME_AUTHOR_DAYS,
  ticketNumberOf,
  timelineKindOfAction,
  type MentionStatus,
  type MentionTimeline,
  type TimelineActor,
  type TimelineItem,
} from '@sigap/contracts';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { actingScopeOf, mentionNotFound } from './collab-access';
import { CollabRepository, type AuditTimelineRow } from './collab.repository';
import { NotesService } from './notes.service';

/** Other messages of the same citizen shown at most. */
const MESSAGE_LIMIT = 100;

const KIND_ORDER: Record<TimelineItem['kind'], number> = {
  message: 0,
  claim: 1,
  assignment: 2,
  status: 3,
  release: 4,
  note: 5,
  reply: 6,
  other: 7,
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const holderOf = (value: unknown): TimelineActor | null => {
  if (!value || typeof value !== 'object') return null;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return typeof id === 'string' ? { id, name: typeof name === 'string' ? name : '' } : null;
};

/** One audit row as a timeline item, typed by what it records. */
export function timelineItemOfAudit(row: AuditTimelineRow): TimelineItem {
  const base = {
    id: Number(row.id),
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
  };
  const before = row.before ?? {};
  const after = row.after ?? {};
  const kind = timelineKindOfAction(row.action);
  switch (kind) {
    case 'claim':
      return { ...base, kind };
    case 'release':
      return { ...base, kind };
    case 'status':
      return {
        ...base,
        kind,
        from: str(before['status']) as MentionStatus | null,
        to: str(after['status']) as MentionStatus | null,
        reason: str(after['reason']),
      };
    case 'assignment':
      return { ...base, kind, assignee: holderOf(after['assignedTo']) };
    case 'reply':
      return { ...base, kind, replyId: str(after['replyId']) ?? (typeof after['replyId'] === 'number' ? String(after['replyId']) : null), replyStatus: str(after['status']), text: str(after['text']) };
    case 'other':
      return { ...base, kind, after: row.after };
  }
}

export function sortTimeline(items: TimelineItem[]): TimelineItem[] {
  const idOf = (item: TimelineItem): number => ('id' in item && typeof item.id === 'number' ? item.id : item.kind === 'note' ? item.note.id : 0);
  return [...items].sort((a, b) => a.at.localeCompare(b.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || idOf(a) - idOf(b));
}

/**
 * The conversation view of a mention, in time order: the citizen's messages (this one and their
 * others within TIMELINE_SAME_AUTHOR_DAYS that the reader may see), its ticket thread (the ticket
 * it follows up, that ticket's other follow-ups and its own, whoever wrote them, within the
 * reader's scope), notes, and every audited action on it, each with who did it.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly repository: CollabRepository,
    private readonly notes: NotesService,
  ) {}

  async timeline(user: AuthenticatedUser, mentionId: string): Promise<MentionTimeline> {
    const scope = actingScopeOf(user);
    const mention = await this.repository.findMention(mentionId, scope);
    if (!mention) throw mentionNotFound();
    const [sameAuthor, thread, notes, audit] = await Promise.all([
      this.repository.messagesOfAuthor(mention.author_id, mention.posted_at, TIMELINE_SAME_AUTHOR_DAYS, scope, MESSAGE_LIMIT),
      this.repository.ticketThread(mention.id, mention.follows_up_id, scope, MESSAGE_LIMIT),
      this.notes.notesOf(mention.id),
      this.repository.auditOfMention(mention.id, TIMELINE_HIDDEN_ACTIONS),
    ]);
    const inThread = new Set(thread.map((row) => row.id));
    // A message both of the same author and of the thread is shown once, as linked by ticket.
    const messages = [...thread, ...sameAuthor.filter((row) => !inThread.has(row.id))];
    const items: TimelineItem[] = [
      ...messages.map(
        (row): TimelineItem => ({
          kind: 'message',
          at: row.posted_at.toISOString(),
          mentionId: row.id,
          ticketNumber: ticketNumberOf(Number(row.seq), row.received_at),
          current: row.id === mention.id,
          linkedByTicket: inThread.has(row.id),
          followUpOf: row.follows_up_id && row.follows_up_ticket ? { mentionId: row.follows_up_id, ticketNumber: row.follows_up_ticket } : null,
          channel: row.channel,
          author: { handle: row.handle, name: row.author_name },
          text: row.text,
          status: row.status,
        }),
      ),
      ...notes.map((note): TimelineItem => ({ kind: 'note', at: note.createdAt, note })),
      ...audit.map(timelineItemOfAudit),
    ];
    return { mentionId: mention.id, items: sortTimeline(items) };
  }
}
