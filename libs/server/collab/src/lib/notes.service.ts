import { Injectable } from '@nestjs/common';
import {
  MENTIONABLE_LIMIT,
  NOTE_MAX_LENGTH,
  handleOfEmail,
  handlesIn,
  type MentionNote,
  type MentionableUser,
  type NoteCreated,
  type NotificationView,
  type UnresolvedHandle,
} from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { validationFailed } from '@sigap/server/core';
import { NotificationsService } from '@sigap/server/notifications';
import { actingScopeOf, mentionNotFound, noteUserOf, userMaySee } from './collab-access';
import { CollabRepository, type CandidateUserRow, type NoteRow } from './collab.repository';
import { PresenceService } from './presence.service';

export interface RequestOrigin {
  ip?: string | null;
  requestId?: string | null;
}

const EXCERPT_LENGTH = 140;

export const excerptOf = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

/** Resolves each handle to exactly one active user who may see the mention; reports the rest. */
export function resolveHandles(
  handles: string[],
  candidates: CandidateUserRow[],
  opdCodes: string[],
): { resolved: CandidateUserRow[]; unresolved: UnresolvedHandle[] } {
  const resolved: CandidateUserRow[] = [];
  const unresolved: UnresolvedHandle[] = [];
  for (const handle of handles) {
    const matches = candidates.filter((user) => handleOfEmail(user.email) === handle);
    if (matches.length === 0) unresolved.push({ handle, reason: 'unknown' });
    else if (matches.length > 1) unresolved.push({ handle, reason: 'ambiguous' });
    else if (!userMaySee(matches[0], opdCodes)) unresolved.push({ handle, reason: 'no_access' });
    else if (!resolved.some((user) => user.id === matches[0].id)) resolved.push(matches[0]);
  }
  return { resolved, unresolved };
}

/**
 * Internal notes on a mention. Acting on it follows the desk's scope (another OPD's mention is
 * not found; liaisons are refused). Colleagues @mentioned who may see the mention are notified
 * in the same transaction as the note and its audit row.
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly repository: CollabRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly live: PresenceService,
  ) {}

  async create(user: AuthenticatedUser, mentionId: string, rawText: string, origin: RequestOrigin): Promise<NoteCreated> {
    const scope = actingScopeOf(user);
    const text = rawText.trim();
    if (!text) throw validationFailed([{ field: 'text', message: 'must not be empty' }]);
    if (text.length > NOTE_MAX_LENGTH) throw validationFailed([{ field: 'text', message: `at most ${NOTE_MAX_LENGTH} characters` }]);
    const { created, unresolved, notified, opdCodes } = await this.repository.transaction(async (tx) => {
      const mention = await this.repository.findMention(mentionId, scope, tx);
      if (!mention) throw mentionNotFound();
      const handles = handlesIn(text);
      const { resolved, unresolved: missed } = resolveHandles(handles, await this.repository.usersByHandle(tx, handles), mention.opd_codes);
      const row = await this.repository.insertNote(tx, { mentionId: mention.id, authorId: user.id, text, mentionedUserIds: resolved.map((u) => u.id) });
      await this.audit.record(
        {
          actor: { id: user.id, role: user.role, ip: origin.ip, requestId: origin.requestId },
          action: 'note.create',
          entityType: 'mention',
          entityId: mention.id,
          after: { noteId: Number(row.id), text, mentionedUserIds: row.mentioned_user_ids },
        },
        tx,
      );
      const views: NotificationView[] = await this.notifications.create(
        {
          userIds: resolved.map((u) => u.id).filter((id) => id !== user.id),
          kind: 'note_mention',
          mentionId: mention.id,
          actorId: user.id,
          payload: { excerpt: excerptOf(text), noteId: Number(row.id) },
        },
        tx,
      );
      return { created: this.mapNote(row, resolved), unresolved: missed, notified: views, opdCodes: mention.opd_codes };
    });
    await this.notifications.announce(notified);
    await this.live.announceNote(opdCodes, created);
    return { note: created, unresolved };
  }

  async list(user: AuthenticatedUser, mentionId: string): Promise<MentionNote[]> {
    const scope = actingScopeOf(user);
    const mention = await this.repository.findMention(mentionId, scope);
    if (!mention) throw mentionNotFound();
    return this.notesOf(mention.id);
  }

  /** Notes of a mention already checked to be in scope. */
  async notesOf(mentionId: string): Promise<MentionNote[]> {
    const rows = await this.repository.notesOf(mentionId);
    const users = await this.repository.usersById([...new Set(rows.flatMap((row) => row.mentioned_user_ids))]);
    return rows.map((row) => this.mapNote(row, users));
  }

  /** For the @autocomplete: active colleagues who may see the mention, by name or handle prefix. */
  async mentionable(user: AuthenticatedUser, mentionId: string, query: string | undefined): Promise<MentionableUser[]> {
    const scope = actingScopeOf(user);
    const mention = await this.repository.findMention(mentionId, scope);
    if (!mention) throw mentionNotFound();
    const prefix = (query ?? '').trim().replace(/^@/, '');
    const rows = await this.repository.mentionable(mention.opd_codes, prefix, user.id, MENTIONABLE_LIMIT);
    return rows.map((row) => ({ ...noteUserOf(row), role: row.role }));
  }

  private mapNote(row: NoteRow, users: CandidateUserRow[]): MentionNote {
    return {
      id: Number(row.id),
      mentionId: row.mention_id,
      author: row.author_id ? noteUserOf({ id: row.author_id, name: row.author_name ?? '', email: row.author_email ?? '' }) : null,
      text: row.text,
      mentionedUsers: row.mentioned_user_ids.flatMap((id) => {
        const found = users.find((u) => u.id === id);
        return found ? [noteUserOf(found)] : [];
      }),
      createdAt: row.created_at.toISOString(),
    };
  }
}
