import type { Channel } from './mention';

/** Redis channel (under the prefix) announcing that channel settings or ingest keys changed. */
export const CHANNELS_CHANGED_CHANNEL = 'channels:changed';

/** Every channel ingest key starts with this, then the channel code and `_`. */
export const CHANNEL_KEY_PREFIX = 'sgp_';

export const CHANNEL_LIMITS = {
  labelMaxLength: 80,
  accountMaxLength: 200,
  keyNameMaxLength: 100,
} as const;

/** An ingest key as the dashboard sees it: never the key itself, nor its hash. */
export interface ChannelKeyView {
  id: string;
  name: string;
  /** The key's first characters, to recognise it in a connector's configuration. */
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ChannelStats {
  /** Mentions received on this channel in the last 24 hours. */
  received24h: number;
  /** When the last mention on this channel was received; null when none ever was. */
  lastReceivedAt: string | null;
}

/** A platform Sigap takes mentions from, as the superadmin manages it. */
export interface ChannelView {
  code: Channel;
  label: string;
  /** The city's account on the platform, e.g. "@humasbdg". */
  account: string | null;
  /** Off: the ingest API refuses this channel's mentions (per item) and stores none. */
  enabled: boolean;
  updatedAt: string;
  keys: ChannelKeyView[];
  stats: ChannelStats;
}

export interface UpdateChannelRequest {
  label?: string;
  /** null or '' clears it. */
  account?: string | null;
  enabled?: boolean;
}

export interface CreateChannelKeyRequest {
  name: string;
}

/** The answer to creating a key: the only time the full key leaves the server. */
export interface CreatedChannelKey {
  key: string;
  view: ChannelKeyView;
}
