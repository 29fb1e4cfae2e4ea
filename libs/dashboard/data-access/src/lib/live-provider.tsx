import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { authStore } from './auth-store';
import { useSession } from './auth.queries';
import { applyMentionNote, applyMentionPresence, applyNotification, applyPresence } from './collab-cache';
import { applyMentionUpdate } from './desk-cache';
import { applyLiveBatch } from './live-cache';
import { LiveClient, type LiveSocketFactory, type LiveStatus } from './live-client';
import { queryKeys } from './query-keys';
import { applyReplyUpdate, replyKeys } from './replies.queries';
import { throttle } from './throttle';

/** At most one refetch of the desk summaries per interval, however busy the stream. */
export const DESK_REFRESH_MS = 2_000;

const INITIAL_STATUS: LiveStatus = { state: 'connecting', replayed: 0, resync: false };

const LiveStatusContext = createContext<LiveStatus>(INITIAL_STATUS);

/** Presence the dashboard reports over the live socket (no-ops when not connected). */
export interface LivePresenceActions {
  setViewing(mentionId: string | null): void;
  setTyping(mentionId: string, typing: boolean): void;
}

const NO_PRESENCE: LivePresenceActions = { setViewing: () => undefined, setTyping: () => undefined };
const LivePresenceContext = createContext<LivePresenceActions>(NO_PRESENCE);

export interface LiveProviderProps {
  children: ReactNode;
  /** Connect at all (roles without a mention stream are refused by the server). */
  enabled?: boolean;
  /** Replaces the socket.io connection (tests). */
  createSocket?: LiveSocketFactory;
}

/**
 * Keeps one `/live` connection open while signed in and writes what it receives into the
 * TanStack Query cache; components read the lists from the cache, never from the socket.
 */
export const LiveProvider = ({ children, enabled = true, createSocket }: LiveProviderProps) => {
  const queryClient = useQueryClient();
  const token = useSession()?.accessToken ?? null;
  const [status, setStatus] = useState<LiveStatus>(INITIAL_STATUS);
  const clientRef = useRef<LiveClient | null>(null);
  const presence = useMemo<LivePresenceActions>(
    () => ({
      setViewing: (mentionId) => clientRef.current?.setViewing(mentionId),
      setTyping: (mentionId, typing) => clientRef.current?.setTyping(mentionId, typing),
    }),
    [],
  );

  useEffect(() => {
    if (token === null || !enabled) return undefined;
    setStatus(INITIAL_STATUS);
    // Desk summaries (board, my-work counts, approvals) are refetched, calmly, when anything moves.
    const refreshDesk = throttle(() => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.desk() });
      void queryClient.invalidateQueries({ queryKey: replyKeys.approvals() });
    }, DESK_REFRESH_MS);
    const client = new LiveClient({
      getToken: () => authStore.token(),
      createSocket,
      onStatus: setStatus,
      onMentions: (batch) => {
        applyLiveBatch(queryClient, batch);
        refreshDesk();
      },
      onMentionUpdated: (update) => {
        applyMentionUpdate(queryClient, update);
        refreshDesk();
      },
      onReplyUpdated: (update) => {
        applyReplyUpdate(queryClient, update);
        refreshDesk();
      },
      onPresence: (list) => applyPresence(queryClient, list),
      onMentionPresence: (update) => applyMentionPresence(queryClient, update),
      onMentionNote: (note) => applyMentionNote(queryClient, note),
      onNotification: (notification) => applyNotification(queryClient, notification),
      onResync: () => {
        void queryClient.resetQueries({ queryKey: queryKeys.mentionLists() });
      },
      onRejected: () => {
        // Ask the server whether the token still holds; a 401 there ends the session.
        void queryClient.invalidateQueries({ queryKey: queryKeys.me() });
      },
    });
    client.start();
    clientRef.current = client;
    return () => {
      clientRef.current = null;
      refreshDesk.cancel();
      client.stop();
    };
  }, [token, enabled, queryClient, createSocket]);

  return (
    <LiveStatusContext.Provider value={status}>
      <LivePresenceContext.Provider value={presence}>{children}</LivePresenceContext.Provider>
    </LiveStatusContext.Provider>
  );
};

export const useLiveStatus = (): LiveStatus => useContext(LiveStatusContext);

export const useLivePresence = (): LivePresenceActions => useContext(LivePresenceContext);

/** Typing stops counting after this long without a keystroke. */
export const TYPING_IDLE_MS = 4_000;

export interface TypingReport {
  /** Whether we count as typing here now (for a collision warning). */
  typing: boolean;
  /** Call on every change: `active` is whether anything is written. */
  changed(active: boolean): void;
  stop(): void;
}

/**
 * Tells colleagues on the same mention that we are writing (a reply, a note); it stops after a
 * pause, when told, or when the writer goes away, so nobody is left "typing" for ever.
 */
export const useTypingReport = (mentionId: string): TypingReport => {
  const presence = useLivePresence();
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reported = useRef(false);
  const [typing, setTyping] = useState(false);

  const actions = useMemo(() => {
    const stop = (): void => {
      clearTimeout(idleTimer.current);
      setTyping(false);
      // Only a writer that said "typing" says "stopped": it must not silence another one.
      if (!reported.current) return;
      reported.current = false;
      presence.setTyping(mentionId, false);
    };
    const changed = (active: boolean): void => {
      if (!active) {
        stop();
        return;
      }
      // Every keystroke says so again (the client drops repeats): another writer on the same
      // mention (a note beside the reply) may have said "stopped" meanwhile.
      reported.current = true;
      setTyping(true);
      presence.setTyping(mentionId, true);
      clearTimeout(idleTimer.current);
      idleTimer.current = setTimeout(stop, TYPING_IDLE_MS);
    };
    return { stop, changed };
  }, [presence, mentionId]);

  useEffect(() => actions.stop, [actions]);
  return useMemo(() => ({ typing, ...actions }), [typing, actions]);
};
