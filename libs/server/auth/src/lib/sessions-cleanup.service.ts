import { Injectable, Logger } from '@nestjs/common';
import { SESSION_RETENTION_DAYS } from '@sigap/contracts';
import { SessionsRepository } from './sessions.repository';

const BATCH = 500;
/** Enough for any backlog a run may meet; whatever is left waits for the next run. */
const MAX_BATCHES_PER_RUN = 200;
const DAY_MS = 24 * 3600_000;

/** Forgets sessions that ended (expired or revoked) more than SESSION_RETENTION_DAYS ago. */
@Injectable()
export class SessionsCleanupService {
  private readonly logger = new Logger(SessionsCleanupService.name);

  constructor(private readonly sessions: SessionsRepository) {}

  async run(now = new Date()): Promise<number> {
    const endedBefore = new Date(now.getTime() - SESSION_RETENTION_DAYS * DAY_MS);
    let deleted = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const count = await this.sessions.deleteEndedBefore(endedBefore, BATCH);
      deleted += count;
      if (count < BATCH) break;
    }
    if (deleted > 0) this.logger.log({ deleted, endedBefore }, 'deleted sessions that ended long ago');
    return deleted;
  }
}
