import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@sigap/server/audit';
import { AreaEntity, OpdEntity } from '@sigap/server/database';
import { ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';
import { SettingsController } from './settings.controller';

@Module({
  imports: [TypeOrmModule.forFeature([OpdEntity, AreaEntity]), AuditModule],
  controllers: [ReferenceController, SettingsController],
  providers: [ReferenceService],
})
export class ReferenceModule {}
