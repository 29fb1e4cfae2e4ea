import { Injectable } from '@nestjs/common';
import { ROLES_SEEING_ALL, type DeskPersonView, type OnCallView, type RotaQuery, type RotaShiftRequest, type RotaShiftView } from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import type { RequestOrigin } from '@sigap/server/desk';
import { actorOf } from './assignment.service';
import { RotaRepository, type RotaShiftRow } from './rota.repository';

const DAY_MS = 24 * 3600_000;
/** Longest shift and longest window read at once: a rota is planned in days, not months. */
const MAX_SHIFT_MS = 7 * DAY_MS;
const MAX_WINDOW_MS = 62 * DAY_MS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const mapShift = (row: RotaShiftRow): RotaShiftView => ({
  id: row.id,
  opdCode: row.opd_code,
  user: { id: row.user_id, name: row.user_name },
  startsAt: row.starts_at.toISOString(),
  endsAt: row.ends_at.toISOString(),
  roleInShift: row.role_in_shift,
  createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
  createdAt: row.created_at.toISOString(),
});

/** The on-call rota: shifts per OPD. Supervisors plan it; admins read their OPDs' part. */
@Injectable()
export class RotaService {
  constructor(
    private readonly rota: RotaRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: RotaQuery): Promise<RotaShiftView[]> {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY_MS);
    if (to <= from) throw validationFailed([{ field: 'to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw validationFailed([{ field: 'to', message: 'at most 62 days after from' }]);
    const opds = this.visibleOpds(user, query.opd);
    if (opds?.length === 0) return [];
    return (await this.rota.list(opds, from, to)).map(mapShift);
  }

  async onCall(user: AuthenticatedUser, opd?: string): Promise<OnCallView[]> {
    const opds = this.visibleOpds(user, opd);
    if (opds?.length === 0) return [];
    const byOpd = new Map<string, OnCallView>();
    for (const row of await this.rota.onCall(opds)) {
      const view = byOpd.get(row.opd_code) ?? { opdCode: row.opd_code, now: [], next: [] };
      (row.is_now ? view.now : view.next).push(mapShift(row));
      byOpd.set(row.opd_code, view);
    }
    return [...byOpd.values()];
  }

  people(): Promise<DeskPersonView[]> {
    return this.rota.people();
  }

  async create(user: AuthenticatedUser, request: RotaShiftRequest, origin: RequestOrigin): Promise<RotaShiftView> {
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    if (endsAt <= startsAt) throw validationFailed([{ field: 'endsAt', message: 'must be after startsAt' }]);
    if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_MS) throw validationFailed([{ field: 'endsAt', message: 'a shift lasts at most 7 days' }]);
    return this.rota.transaction(async (tx) => {
      const opdActive = await this.rota.opdActive(tx, request.opdCode);
      if (opdActive === null) throw validationFailed([{ field: 'opdCode', message: 'unknown OPD code' }]);
      if (!opdActive) throw validationFailed([{ field: 'opdCode', message: `${request.opdCode} is inactive` }]);
      const person = await this.rota.user(tx, request.userId);
      if (!person || person.disabled) throw validationFailed([{ field: 'userId', message: 'no such active user' }]);
      if (request.roleInShift === 'admin' && (person.role !== 'admin' || !person.opds.includes(request.opdCode))) {
        throw validationFailed([{ field: 'userId', message: `must be an active admin of ${request.opdCode}` }]);
      }
      if (request.roleInShift === 'supervisor' && person.role !== 'supervisor') {
        throw validationFailed([{ field: 'userId', message: 'must be an active supervisor' }]);
      }
      const id = await this.rota.insert(tx, { ...request, startsAt, endsAt, createdBy: user.id });
      const shift = mapShift((await this.rota.find(tx, id)) as RotaShiftRow);
      await this.audit.record({ actor: actorOf(user, origin), action: 'rota.create', entityType: 'rota_shift', entityId: id, after: shift }, tx);
      return shift;
    });
  }

  async remove(user: AuthenticatedUser, id: string, origin: RequestOrigin): Promise<void> {
    await this.rota.transaction(async (tx) => {
      const row = UUID.test(id) ? await this.rota.find(tx, id) : null;
      if (!row) throw new SigapException(SigapErrorCode.NOT_FOUND, 'shift not found');
      await this.rota.delete(tx, id);
      await this.audit.record({ actor: actorOf(user, origin), action: 'rota.delete', entityType: 'rota_shift', entityId: id, before: mapShift(row) }, tx);
    });
  }

  /** null: every OPD; admins only ever see the OPDs they answer for. */
  private visibleOpds(user: AuthenticatedUser, opd?: string): string[] | null {
    if (ROLES_SEEING_ALL.includes(user.role)) return opd ? [opd] : null;
    return opd ? user.opds.filter((code) => code === opd) : [...user.opds];
  }
}
