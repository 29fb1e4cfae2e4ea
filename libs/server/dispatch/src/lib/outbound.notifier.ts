import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NotifyOutboundJobData } from '@sigap/contracts';
import { SIGAP_CONFIG, type SigapConfig } from '@sigap/server/core';

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Hands a message for a person's Telegram or WhatsApp to the channel layer's webhook. A failure
 * throws so BullMQ retries with backoff; with no webhook configured, messages are dropped.
 */
@Injectable()
export class OutboundNotifier {
  private readonly logger = new Logger(OutboundNotifier.name);

  constructor(@Inject(SIGAP_CONFIG) private readonly config: SigapConfig) {}

  async deliver(message: NotifyOutboundJobData): Promise<void> {
    const url = this.config.desk.notifyWebhookUrl;
    if (!url) {
      this.logger.debug({ channel: message.channel }, 'SIGAP_NOTIFY_WEBHOOK_URL is not set; outbound message skipped');
      return;
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: message.channel, to: message.to, text: message.text }),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`notify webhook answered ${response.status}`);
  }
}
