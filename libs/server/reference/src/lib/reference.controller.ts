import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AreaView, OpdView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { CreateOpdDto, UpdateOpdDto } from './opd.dto';
import { ReferenceService, type RequestLike } from './reference.service';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('v1/reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('opds')
  opds(): Promise<OpdView[]> {
    return this.reference.opds();
  }

  @Post('opds')
  @Roles('superadmin')
  @ApiResponse({ status: 409, description: 'an OPD with this code exists' })
  createOpd(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateOpdDto, @Req() request: RequestLike): Promise<OpdView> {
    return this.reference.createOpd(user, dto, request);
  }

  @Patch('opds/:code')
  @Roles('superadmin')
  updateOpd(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() dto: UpdateOpdDto, @Req() request: RequestLike): Promise<OpdView> {
    return this.reference.updateOpd(user, code, dto, request);
  }

  @Get('areas')
  @ApiQuery({ name: 'kind', required: false, enum: ['kota', 'kecamatan', 'kelurahan'] })
  areas(@Query('kind') kind?: string): Promise<AreaView[]> {
    return this.reference.areas(kind);
  }
}
