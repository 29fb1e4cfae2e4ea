import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RevokeSessionsResponse, SessionView, UserAccount } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { originOf, type RequestLike } from './request-origin';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('superadmin')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserAccount[]> {
    return this.users.list();
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateUserDto, @Req() request: RequestLike): Promise<UserAccount> {
    return this.users.create(user, dto, originOf(request));
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: UpdateUserDto, @Req() request: RequestLike): Promise<UserAccount> {
    return this.users.update(user, id, dto, originOf(request));
  }

  @Get(':id/sessions')
  sessions(@Param('id') id: string): Promise<SessionView[]> {
    return this.users.sessions(id);
  }

  @Post(':id/sessions/revoke')
  @HttpCode(200)
  revokeSessions(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Req() request: RequestLike): Promise<RevokeSessionsResponse> {
    return this.users.revokeSessions(user, id, originOf(request));
  }
}
