import { Injectable } from '@nestjs/common';
import type { Mention, MentionPage, MentionQuery, MentionSort } from '@sigap/contracts';
import { mentionReadAccessOf, type AuthenticatedUser, type MentionReadAccess } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import { decodeCursor, encodeCursor } from './mention-cursor';
import type { MentionQueryDto } from './mention-query.dto';
import { mapMention } from './mention.mapper';
import { MentionsRepository, type MentionFilter, type PersonFilter } from './mentions.repository';
import { maskContactDetails, maskPersonalData } from './personal-data-mask';

const DEFAULT_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `me` is the caller; `none` is nobody; anything else is a user id (already validated). */
const personFilter = (value: string | undefined, user: AuthenticatedUser): PersonFilter | undefined => {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'none') return { kind: 'none' };
  return { kind: 'user', id: lower === 'me' ? user.id : lower };
};

/** The repository's filter for a reading query (`GET /mentions`, bulk actions by filter), as `user` asks it. */
export function mentionFilterOf(query: Omit<MentionQuery, 'cursor' | 'limit' | 'sort'>, user: AuthenticatedUser): MentionFilter {
  return {
    urgency: query.urgency,
    opd: query.opd,
    channel: query.channel,
    kecamatan: query.kecamatan?.map((code) => (code.startsWith('KEC-') ? code : `KEC-${code}`)),
    status: query.status,
    q: query.q?.trim() || undefined,
    holder: personFilter(query.holder, user),
    assignee: personFilter(query.assignee, user),
    label: query.label?.trim() || undefined,
    escalated: query.escalated === undefined ? undefined : query.escalated === '1',
    forwardedFrom: query.forwardedFrom,
  };
}

@Injectable()
export class MentionsService {
  constructor(private readonly mentions: MentionsRepository) {}

  async list(user: AuthenticatedUser, query: MentionQueryDto): Promise<MentionPage> {
    const { scope, masked } = this.readAccess(user);
    // Searching for a phone number or an address would tell a masked reader who wrote what.
    if (masked && query.q && maskContactDetails(query.q) !== query.q) {
      throw validationFailed([{ field: 'q', message: 'cannot search for phone numbers or e-mail addresses' }]);
    }
    const sort: MentionSort = query.sort ?? 'newest';
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const rows = await this.mentions.findPage(
      mentionFilterOf(query, user),
      scope,
      sort,
      cursor,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ sort, postedAt: last.posted_at.toISOString(), id: last.id, urgencyRank: last.urgency_rank })
        : null;
    const items = page.map(mapMention);
    return { items: masked ? items.map(maskPersonalData) : items, nextCursor };
  }

  /** 404 rather than 403 for mentions outside the user's OPDs, so ids reveal nothing. */
  async get(user: AuthenticatedUser, id: string): Promise<Mention> {
    const { scope, masked } = this.readAccess(user);
    const row = UUID.test(id) ? await this.mentions.findById(id, scope) : null;
    if (!row) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
    const found = mapMention(row);
    return masked ? maskPersonalData(found) : found;
  }

  private readAccess(user: AuthenticatedUser): MentionReadAccess {
    const access = mentionReadAccessOf(user);
    if (access.scope.kind === 'none') {
      throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not read mentions');
    }
    return access;
  }
}
