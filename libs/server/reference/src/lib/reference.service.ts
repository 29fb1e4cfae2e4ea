import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AreaView, OpdView } from '@sigap/contracts';
import { validationFailed } from '@sigap/server/core';
import { AreaEntity, OpdEntity } from '@sigap/server/database';
import { Repository } from 'typeorm';

const AREA_KINDS = ['kota', 'kecamatan', 'kelurahan'] as const;

/** OPDs and areas change rarely; they are read straight from their tables. */
@Injectable()
export class ReferenceService {
  constructor(
    @InjectRepository(OpdEntity) private readonly opdRepo: Repository<OpdEntity>,
    @InjectRepository(AreaEntity) private readonly areaRepo: Repository<AreaEntity>,
  ) {}

  opds(): Promise<OpdView[]> {
    return this.opdRepo.find({ order: { kind: 'ASC', code: 'ASC' } });
  }

  areas(kind?: string): Promise<AreaView[]> {
    if (kind !== undefined && !AREA_KINDS.includes(kind as (typeof AREA_KINDS)[number])) {
      throw validationFailed([{ field: 'kind', message: `must be one of ${AREA_KINDS.join(', ')}` }]);
    }
    return this.areaRepo.find({
      where: kind ? { kind: kind as AreaView['kind'] } : {},
      order: { name: 'ASC' },
    });
  }
}
