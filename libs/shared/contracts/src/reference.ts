export const OPD_KINDS = ['opd', 'external', 'kecamatan', 'kelurahan'] as const;
export type OpdKind = (typeof OPD_KINDS)[number];

/** OPD codes as the desk, routing rules and hotlines spell them. */
export const OPD_CODE_PATTERN = /^[A-Z0-9-]{2,40}$/;

export interface OpdView {
  code: string;
  name: string;
  kind: OpdKind;
  /** Inactive OPDs stay for history but are refused as new routing targets. */
  active: boolean;
}

export interface CreateOpdRequest {
  code: string;
  name: string;
  kind: OpdKind;
}

export interface UpdateOpdRequest {
  name?: string;
  active?: boolean;
}

/**
 * The desk settings in effect, read from the environment at boot (validated once, so they are
 * read-only here). Secrets and webhook URLs are never sent, only whether they are configured.
 */
export interface DeskSettingsView {
  slaSeconds: { critical: number; high: number; normal: number; low: number };
  claimIdleSeconds: number;
  presenceTtlSeconds: number;
  outboxWebhookConfigured: boolean;
  outboxSigned: boolean;
  notifyWebhookConfigured: boolean;
  hotlines: Record<string, string>;
  defaultHotline: string;
  login: { maxFailures: number; maxFailuresPerIp: number; windowSeconds: number };
  /** Setting name → the environment variable that sets it. */
  environmentVariables: Record<string, string>;
}

export interface AreaView {
  code: string;
  kind: 'kota' | 'kecamatan' | 'kelurahan';
  parentCode: string | null;
  name: string;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
}

/** Error body every API error uses. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}
