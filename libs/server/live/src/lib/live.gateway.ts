import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_NAMESPACE, type LiveHandshakeAuth } from '@sigap/contracts';
import { AuthService, mentionReadAccessOf, mentionScopeOf, type AuthenticatedUser, type MentionReadAccess, type MentionScope } from '@sigap/server/auth';
import { LiveStreamService, type LiveNamespace, type LiveSocket } from './live-stream.service';

/** What the handshake leaves on `socket.data`; other gateways on `/live` read `user` and `scope` from it. */
export interface LiveSocketData {
  /** What the socket may read (liaisons: everything, masked). */
  access: MentionReadAccess;
  /** What the user may act on (desk events); liaisons: none. */
  scope: MentionScope;
  sessionId: string;
  since?: number;
  user: Pick<AuthenticatedUser, 'id' | 'name' | 'role' | 'opds'>;
}

/** Transport only: authenticates the handshake, then hands the socket to the live stream. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly stream: LiveStreamService,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    namespace.use((socket, next) => {
      const handshake = (socket.handshake.auth ?? {}) as Partial<LiveHandshakeAuth>;
      this.auth
        .authenticateSession(typeof handshake.token === 'string' ? handshake.token : undefined)
        .then(({ user, sessionId }) => {
          const access = mentionReadAccessOf(user);
          if (access.scope.kind === 'none') return next(new Error('forbidden: this role has no live mention stream'));
          const since = Number(handshake.since);
          const data: LiveSocketData = {
            access,
            scope: mentionScopeOf(user),
            sessionId,
            since: Number.isSafeInteger(since) && since >= 0 ? since : undefined,
            user: { id: user.id, name: user.name, role: user.role, opds: user.opds },
          };
          socket.data = data;
          next();
        })
        .catch(() => next(new Error('unauthorized: invalid or expired token')));
    });
    this.stream.attach(namespace);
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const data = socket.data as LiveSocketData;
    try {
      await this.stream.join(socket, data.access, data.since, data.sessionId);
      // A revocation announced between the handshake and joining the session's room would miss this socket.
      if (!(await this.auth.isSessionActive(data.sessionId))) socket.disconnect(true);
    } catch (err) {
      this.logger.error({ err }, 'could not join the live stream');
      socket.disconnect(true);
    }
  }
}
