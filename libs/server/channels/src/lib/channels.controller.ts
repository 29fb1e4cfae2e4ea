import { Body, Controller, Delete, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ChannelKeyView, ChannelView, CreatedChannelKey } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { CreateChannelKeyDto, UpdateChannelDto } from './channel.dto';
import { ChannelsService, type RequestLike } from './channels.service';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @Roles('superadmin', 'supervisor')
  @ApiOperation({ summary: 'Every channel with its ingest keys (never the key) and its last 24 h' })
  list(): Promise<ChannelView[]> {
    return this.channels.list();
  }

  @Patch(':code')
  @Roles('superadmin')
  update(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() dto: UpdateChannelDto, @Req() request: RequestLike): Promise<ChannelView> {
    return this.channels.update(user, code, dto, request);
  }

  @Post(':code/keys')
  @Roles('superadmin')
  @ApiResponse({ status: 201, description: '{ key, view }: the only time the full key is shown' })
  createKey(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() dto: CreateChannelKeyDto, @Req() request: RequestLike): Promise<CreatedChannelKey> {
    return this.channels.createKey(user, code, dto, request);
  }

  @Delete(':code/keys/:id')
  @Roles('superadmin')
  @ApiResponse({ status: 200, description: 'revoked (again: unchanged)' })
  @ApiResponse({ status: 404, description: 'no such key on this channel' })
  revokeKey(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Param('id') id: string, @Req() request: RequestLike): Promise<ChannelKeyView> {
    return this.channels.revokeKey(user, code, id, request);
  }
}
