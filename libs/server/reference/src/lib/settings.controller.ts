import { Body, Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DeskSettingsView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { SettingsService } from '@sigap/server/settings';
import type { RequestLike } from './reference.service';

/**
 * The desk settings: SLAs, idle release, presence, hotlines and sign-in limits start from their
 * environment variables and the superadmin may override them at run time. Webhook URLs and the
 * outbox secret are deployment secrets: environment-only, and only whether they are set leaves
 * the server.
 */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('v1/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Roles('superadmin', 'supervisor')
  @ApiOperation({ summary: 'The desk settings in effect, each with its environment default and who changed it' })
  view(): Promise<DeskSettingsView> {
    return this.settings.view();
  }

  @Patch()
  @Roles('superadmin')
  @ApiOperation({
    summary: 'Change desk settings at run time (partial; null resets a setting to its environment default)',
    description:
      'Body: any of slaSeconds.{critical,high,normal,low}, claimIdleSeconds, presenceTtlSeconds, hotlines (OPD code → number, replaces the list), ' +
      'defaultHotline, login.{maxFailures,maxFailuresPerIp,windowSeconds}. Every process applies the change without a restart. ' +
      'Webhook URLs and the outbox secret are deployment secrets and can only be set in the environment.',
  })
  @ApiBody({ schema: { type: 'object', example: { slaSeconds: { critical: 300 }, hotlines: { DINKES: '119' }, login: { maxFailures: null } } } })
  @ApiResponse({ status: 400, description: 'field-level errors (e.g. `slaSeconds.critical`, `hotlines.XYZ`); nothing was changed' })
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown, @Req() request: RequestLike): Promise<DeskSettingsView> {
    return this.settings.update({ id: user.id, role: user.role, ip: request.ip ?? null, requestId: request.id ? String(request.id) : null }, body);
  }
}
