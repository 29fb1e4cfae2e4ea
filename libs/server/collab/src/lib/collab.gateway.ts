import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { LIVE_CLIENT_EVENTS, LIVE_NAMESPACE, type CollabAck, type CollabAckErrorCode } from '@sigap/contracts';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import type { LiveNamespace, LiveSocket } from '@sigap/server/live';
import { PresenceService } from './presence.service';

const ACK_CODES: Partial<Record<SigapErrorCode, CollabAckErrorCode>> = {
  [SigapErrorCode.FORBIDDEN]: 'FORBIDDEN',
  [SigapErrorCode.UNAUTHENTICATED]: 'FORBIDDEN',
  [SigapErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [SigapErrorCode.VALIDATION_FAILED]: 'VALIDATION_FAILED',
};

/**
 * Presence on the `/live` namespace, beside the live stream's gateway (which authenticates the
 * handshake and leaves the user on `socket.data`). Transport only: every client event is
 * answered with an acknowledgement `{ ok: true, … }` or `{ ok: false, code, message }`.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(CollabGateway.name);

  constructor(private readonly presence: PresenceService) {}

  afterInit(namespace: LiveNamespace): void {
    this.presence.attach(namespace);
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    try {
      await this.presence.connected(socket);
    } catch (err) {
      this.logger.warn({ err }, 'could not register presence');
    }
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    try {
      await this.presence.disconnected(socket);
    } catch (err) {
      this.logger.warn({ err }, 'could not clear presence');
    }
  }

  @SubscribeMessage(LIVE_CLIENT_EVENTS.heartbeat)
  heartbeat(@ConnectedSocket() socket: LiveSocket): Promise<CollabAck> {
    return this.answer(() => this.presence.heartbeat(socket));
  }

  @SubscribeMessage(LIVE_CLIENT_EVENTS.view)
  view(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<CollabAck> {
    return this.answer(() => this.presence.view(socket, payload));
  }

  @SubscribeMessage(LIVE_CLIENT_EVENTS.typing)
  typing(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<CollabAck> {
    return this.answer(() => this.presence.typing(socket, payload));
  }

  private async answer<T extends object>(work: () => Promise<T>): Promise<CollabAck<T>> {
    try {
      return { ok: true, ...(await work()) };
    } catch (err) {
      const code = err instanceof SigapException ? ACK_CODES[err.code] : undefined;
      if (code) return { ok: false, code, message: err instanceof Error ? err.message : String(err) };
      this.logger.error({ err }, 'a presence event failed');
      return { ok: false, code: 'INTERNAL', message: 'something went wrong; try again' };
    }
  }
}
