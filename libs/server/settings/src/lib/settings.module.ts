import { Global, Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';

/** The desk settings in effect, for every module of the process that imports it once (API and worker). */
@Global()
@Module({
  imports: [AuditModule],
  providers: [SettingsRepository, SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
