import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PresenceList } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { PresenceService } from './presence.service';

@ApiTags('presence')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get()
  online(@CurrentUser() user: AuthenticatedUser): Promise<PresenceList> {
    return this.presence.online(user);
  }
}
