import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreaEntity, OpdEntity } from '@sigap/server/database';
import { ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';

@Module({
  imports: [TypeOrmModule.forFeature([OpdEntity, AreaEntity])],
  controllers: [ReferenceController],
  providers: [ReferenceService],
})
export class ReferenceModule {}
