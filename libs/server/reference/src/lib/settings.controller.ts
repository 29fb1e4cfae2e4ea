import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeskSettingsView } from '@sigap/contracts';
import { Roles } from '@sigap/server/auth';
import { SIGAP_CONFIG, type SigapConfig } from '@sigap/server/core';

/** Which environment variable sets each setting; the dashboard shows these next to the values. */
const ENVIRONMENT_VARIABLES: Record<string, string> = {
  'slaSeconds.critical': 'SIGAP_SLA_CRITICAL_SECONDS',
  'slaSeconds.high': 'SIGAP_SLA_HIGH_SECONDS',
  'slaSeconds.normal': 'SIGAP_SLA_NORMAL_SECONDS',
  'slaSeconds.low': 'SIGAP_SLA_LOW_SECONDS',
  claimIdleSeconds: 'SIGAP_CLAIM_IDLE_SECONDS',
  presenceTtlSeconds: 'SIGAP_PRESENCE_TTL_SECONDS',
  outboxWebhookConfigured: 'SIGAP_OUTBOX_WEBHOOK_URL',
  outboxSigned: 'SIGAP_OUTBOX_SECRET',
  notifyWebhookConfigured: 'SIGAP_NOTIFY_WEBHOOK_URL',
  hotlines: 'SIGAP_HOTLINES',
  defaultHotline: 'SIGAP_HOTLINE_DEFAULT',
  'login.maxFailures': 'SIGAP_LOGIN_MAX_FAILURES',
  'login.maxFailuresPerIp': 'SIGAP_LOGIN_MAX_FAILURES_PER_IP',
  'login.windowSeconds': 'SIGAP_LOGIN_WINDOW_SECONDS',
};

/**
 * The configuration is validated once at boot, so it is read-only over HTTP: changing a value
 * means changing the environment and restarting. Webhook URLs can carry credentials and the outbox
 * secret signs deliveries, so only whether they are set leaves the server.
 */
@ApiTags('settings')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor')
@Controller('v1/settings')
export class SettingsController {
  constructor(@Inject(SIGAP_CONFIG) private readonly config: SigapConfig) {}

  @Get()
  @ApiOperation({ summary: 'The desk settings in effect (set by environment variables, read-only)' })
  settings(): DeskSettingsView {
    const { desk, replies, login } = this.config;
    return {
      slaSeconds: { ...desk.slaSeconds },
      claimIdleSeconds: desk.claimIdleSeconds,
      presenceTtlSeconds: desk.presenceTtlSeconds,
      outboxWebhookConfigured: replies.outboxWebhookUrl !== null,
      outboxSigned: replies.outboxSecret !== null,
      notifyWebhookConfigured: desk.notifyWebhookUrl !== null,
      hotlines: { ...replies.hotlines },
      defaultHotline: replies.defaultHotline,
      login: { maxFailures: login.maxFailures, maxFailuresPerIp: login.maxFailuresPerIp, windowSeconds: login.windowSeconds },
      environmentVariables: ENVIRONMENT_VARIABLES,
    };
  }
}
