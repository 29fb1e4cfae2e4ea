import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DeskPersonView, OnCallView, RotaShiftView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { originOf, type RequestLike } from './request-origin';
import { OnCallQueryDto, RotaQueryDto, RotaShiftDto } from './rota.dto';
import { RotaService } from './rota.service';

@ApiTags('rota')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/rota')
export class RotaController {
  constructor(private readonly rota: RotaService) {}

  @Get()
  @ApiResponse({ status: 200, description: 'shifts overlapping [from, to); admins see only their OPDs' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: RotaQueryDto): Promise<RotaShiftView[]> {
    return this.rota.list(user, query);
  }

  @Get('on-call')
  onCall(@CurrentUser() user: AuthenticatedUser, @Query() query: OnCallQueryDto): Promise<OnCallView[]> {
    return this.rota.onCall(user, query.opd);
  }

  @Get('people')
  @Roles('superadmin', 'supervisor')
  @ApiResponse({ status: 200, description: 'active admins (with their OPDs) and supervisors: who can be put on a shift or assigned' })
  people(): Promise<DeskPersonView[]> {
    return this.rota.people();
  }

  @Post()
  @Roles('superadmin', 'supervisor')
  @ApiResponse({ status: 400, description: 'ends before it starts, unknown OPD, or the user cannot take that role in that OPD' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: RotaShiftDto, @Req() request: RequestLike): Promise<RotaShiftView> {
    return this.rota.create(user, dto, originOf(request));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('superadmin', 'supervisor')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Req() request: RequestLike): Promise<void> {
    return this.rota.remove(user, id, originOf(request));
  }
}
