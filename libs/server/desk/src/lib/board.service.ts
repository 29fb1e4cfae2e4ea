import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BOARD_AT_RISK_FRACTION,
  BOARD_BOUNCE_WINDOW_HOURS,
  BOARD_OLDEST_LIMIT,
  BOARD_UNCLAIMED_STATUSES,
  BOARD_WINDOW_DAYS,
  CLOSED_STATUSES,
  PRESENCE_ONLINE_KEY,
  URGENCIES,
  ticketNumberOf,
  type DeskBoard,
  type MyWorkCounts,
} from '@sigap/contracts';
import { mentionScopeOf, type AuthenticatedUser } from '@sigap/server/auth';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { BoardRepository } from './board.repository';
import { SettingsService } from '@sigap/server/settings';

/** The supervisor's board for the shift and the counts of "Pekerjaan saya". */
@Injectable()
export class BoardService {
  private readonly logger = new Logger(BoardService.name);

  constructor(
    private readonly board: BoardRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    private readonly settings: SettingsService,
  ) {}

  async get(): Promise<DeskBoard> {
    const { slaSeconds } = this.settings.current();
    const online = await this.onlineUserIds();
    const [byUrgency, people, opdLoad, oldest] = await Promise.all([
      this.board.unclaimedByUrgency(BOARD_UNCLAIMED_STATUSES, slaSeconds, BOARD_AT_RISK_FRACTION, BOARD_WINDOW_DAYS),
      this.board.peopleLoad(CLOSED_STATUSES, [...online]),
      this.board.opdLoad(CLOSED_STATUSES, BOARD_BOUNCE_WINDOW_HOURS, BOARD_WINDOW_DAYS),
      this.board.oldestUnclaimed(BOARD_UNCLAIMED_STATUSES, ['critical', 'high'], BOARD_OLDEST_LIMIT, BOARD_WINDOW_DAYS),
    ]);
    const counted = new Map(byUrgency.map((row) => [row.urgency, row]));
    return {
      generatedAt: new Date().toISOString(),
      urgencies: URGENCIES.map((urgency) => {
        const row = counted.get(urgency);
        return {
          urgency,
          unclaimed: row?.unclaimed ?? 0,
          oldestWaitingSeconds: row?.oldest_seconds === undefined || row.oldest_seconds === null ? null : Math.max(0, Math.floor(row.oldest_seconds)),
          slaSeconds: slaSeconds[urgency],
          atRisk: row?.at_risk ?? 0,
          breached: row?.breached ?? 0,
        };
      }),
      unroutedBacklog: opdLoad.unrouted,
      people: people
        .map((person) => ({ ...person, online: online.has(person.id) }))
        // Online people first: they are the ones who can take work now.
        .sort((a, b) => Number(b.online) - Number(a.online) || b.holding - a.holding || b.assigned - a.assigned || a.name.localeCompare(b.name)),
      opds: opdLoad.opds,
      oldestUnclaimed: oldest.map((row) => ({
        id: row.id,
        ticketNumber: ticketNumberOf(Number(row.seq), row.received_at),
        urgency: row.urgency,
        status: row.status,
        waitedSeconds: Math.max(0, Math.floor(row.waited_seconds)),
        excerpt: row.excerpt,
        opdCodes: row.opd_codes,
      })),
    };
  }

  async myWork(user: AuthenticatedUser): Promise<MyWorkCounts> {
    const scope = mentionScopeOf(user);
    if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
    const row = await this.board.myWork(user.id, scope, CLOSED_STATUSES);
    return { holding: row.holding, assigned: row.assigned, awaitingApproval: row.awaiting_approval };
  }

  /** Who sent a heartbeat within the presence TTL; without Redis the board still shows, all offline. */
  private async onlineUserIds(): Promise<Set<string>> {
    const since = Date.now() - this.settings.current().presenceTtlSeconds * 1000;
    try {
      const ids = await this.redis.zrangebyscore(redisKey(this.config.redisPrefix, PRESENCE_ONLINE_KEY), `(${since}`, '+inf');
      return new Set(ids);
    } catch (err) {
      this.logger.warn({ err }, 'could not read who is online');
      return new Set();
    }
  }
}
