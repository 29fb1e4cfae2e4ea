import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { AuditController } from './audit.controller';
import { UserAccountsRepository } from './user-accounts.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accountability over HTTP: user management and sessions (superadmin), the audit browser (supervisors). */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController, AuditController],
  providers: [UsersService, UserAccountsRepository],
})
export class AccountsApiModule {}
