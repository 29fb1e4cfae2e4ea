import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserView } from '@sigap/contracts';
import { CurrentSessionId, CurrentUser, Public } from './auth.decorators';
import { AuthService, type LoginOrigin } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { LoginDto } from './login.dto';

interface RequestLike {
  ip?: string;
  id?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

const originOf = (request: RequestLike): LoginOrigin => {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    requestId: request.id ? String(request.id) : null,
    userAgent: typeof agent === 'string' ? agent : null,
  };
};

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() request: RequestLike): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, originOf(request));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): UserView {
    return user;
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthenticatedUser, @CurrentSessionId() sessionId: string, @Req() request: RequestLike): Promise<void> {
    return this.auth.logout(user, sessionId, originOf(request));
  }
}
