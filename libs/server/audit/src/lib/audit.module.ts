import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The append-only audit log; other modules import it to record what users did. */
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
