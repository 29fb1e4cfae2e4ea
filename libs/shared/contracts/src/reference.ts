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
