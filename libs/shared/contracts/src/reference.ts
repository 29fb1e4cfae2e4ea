export type OpdKind = 'opd' | 'external' | 'kecamatan' | 'kelurahan';

export interface OpdView {
  code: string;
  name: string;
  kind: OpdKind;
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
