import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { SigapConfig } from './config';
import { SigapExceptionFilter } from './http-exception.filter';
import { redisOptionsFromUrl } from './redis';
import { REDIS_CLIENT, SIGAP_CONFIG } from './tokens';

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Config, structured logs, the error filter and a shared Redis client, for every Sigap process. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: SigapConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            name: `sigap-${config.app}`,
            genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
            redact: {
              // Failed-query errors carry every parameter of the batch (citizens' messages): keep them out.
              paths: [
                'req.headers.authorization',
                'req.headers["x-api-key"]',
                'req.headers.cookie',
                'req.body.password',
                'err.parameters',
                'err.driverError.parameters',
              ],
              censor: '[redacted]',
            },
            autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
          },
        }),
      ],
      providers: [
        { provide: SIGAP_CONFIG, useValue: config },
        {
          provide: REDIS_CLIENT,
          useFactory: () => new Redis({ ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: 3 }),
        },
        RedisLifecycle,
        { provide: APP_FILTER, useClass: SigapExceptionFilter },
      ],
      exports: [SIGAP_CONFIG, REDIS_CLIENT],
    };
  }
}
