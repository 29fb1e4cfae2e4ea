import { Module } from '@nestjs/common';
import { AuditBrowserService } from './audit-browser.service';
import { AuditLogRepository } from './audit-log.repository';
import { AuditService } from './audit.service';

/** The append-only audit log; other modules import it to record what users did, or to browse it. */
@Module({
  providers: [AuditService, AuditLogRepository, AuditBrowserService],
  exports: [AuditService, AuditBrowserService],
})
export class AuditModule {}
