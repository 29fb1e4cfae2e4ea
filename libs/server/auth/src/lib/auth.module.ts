import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@sigap/server/audit';
import { SIGAP_CONFIG, type SigapConfig } from '@sigap/server/core';
import { UserEntity } from '@sigap/server/database';
import { AccessTokenGuard } from './access-token.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsCleanupQueue } from './sessions-cleanup.queue';
import { SessionsCleanupService } from './sessions-cleanup.service';
import { SessionsCleanupWorker } from './sessions-cleanup.worker';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [SIGAP_CONFIG],
      useFactory: (config: SigapConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, UsersRepository, SessionsRepository, LoginThrottleService, { provide: APP_GUARD, useClass: AccessTokenGuard }],
  exports: [AuthService],
})
export class AuthModule {}

/** Worker side: deletes sessions that ended long ago, on a repeatable job. */
@Module({
  providers: [SessionsRepository, SessionsCleanupService, SessionsCleanupQueue, SessionsCleanupWorker],
})
export class AuthWorkerModule {}
