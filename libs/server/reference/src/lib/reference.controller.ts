import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AreaView, OpdView } from '@sigap/contracts';
import { ReferenceService } from './reference.service';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('v1/reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('opds')
  opds(): Promise<OpdView[]> {
    return this.reference.opds();
  }

  @Get('areas')
  @ApiQuery({ name: 'kind', required: false, enum: ['kota', 'kecamatan', 'kelurahan'] })
  areas(@Query('kind') kind?: string): Promise<AreaView[]> {
    return this.reference.areas(kind);
  }
}
