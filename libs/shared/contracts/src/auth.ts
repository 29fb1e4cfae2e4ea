export const ROLES = ['superadmin', 'supervisor', 'admin', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** OPD and kewilayahan codes an admin answers for; empty for other roles. */
  opds: string[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: UserView;
}

/** Claims carried by the access token. */
export interface AccessTokenPayload {
  sub: string;
  role: Role;
  opds: string[];
  /** The session the token belongs to; revoking it ends the token before it expires. */
  sid: string;
}

/** Roles that see every mention regardless of routing. */
export const ROLES_SEEING_ALL: readonly Role[] = ['superadmin', 'supervisor'];
