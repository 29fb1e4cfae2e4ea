import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { QUEUES } from '@sigap/contracts';
import { Public } from '@sigap/server/auth';
import { REDIS_CLIENT } from '@sigap/server/core';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @InjectQueue(QUEUES.ingest) private readonly ingestQueue: Queue,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL, Redis and the ingest queue answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2000 }),
      async () => {
        const check = this.indicator.check('redis');
        try {
          const reply = await this.redis.ping();
          return reply === 'PONG' ? check.up() : check.down({ reply });
        } catch (error) {
          return check.down({ message: (error as Error).message });
        }
      },
      async () => {
        const check = this.indicator.check('queues');
        try {
          const [counts, workers] = await Promise.all([
            this.ingestQueue.getJobCounts('waiting', 'active', 'failed', 'delayed'),
            this.ingestQueue.getWorkersCount(),
          ]);
          return check.up({ [QUEUES.ingest]: { ...counts, workers } });
        } catch (error) {
          return check.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
