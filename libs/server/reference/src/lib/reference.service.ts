import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OPD_CODE_PATTERN, OPD_KINDS, type AreaView, type OpdView } from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed, type FieldError } from '@sigap/server/core';
import { AreaEntity, OpdEntity } from '@sigap/server/database';
import { Repository } from 'typeorm';
import type { CreateOpdDto, UpdateOpdDto } from './opd.dto';

const AREA_KINDS = ['kota', 'kecamatan', 'kelurahan'] as const;
const UNIQUE_VIOLATION = '23505';

export interface RequestLike {
  ip?: string;
  id?: unknown;
}

const viewOf = (row: OpdEntity): OpdView => ({ code: row.code, name: row.name, kind: row.kind, active: row.active });

const codeTaken = () =>
  new SigapException(SigapErrorCode.CONFLICT, 'an OPD with this code already exists', [{ field: 'code', message: 'is already used by another OPD' }]);

/** OPDs and areas change rarely; they are read straight from their tables. */
@Injectable()
export class ReferenceService {
  constructor(
    @InjectRepository(OpdEntity) private readonly opdRepo: Repository<OpdEntity>,
    @InjectRepository(AreaEntity) private readonly areaRepo: Repository<AreaEntity>,
    private readonly audit: AuditService,
  ) {}

  async opds(): Promise<OpdView[]> {
    return (await this.opdRepo.find({ order: { kind: 'ASC', code: 'ASC' } })).map(viewOf);
  }

  async createOpd(user: AuthenticatedUser, dto: CreateOpdDto, request: RequestLike): Promise<OpdView> {
    const name = dto.name.trim();
    const errors: FieldError[] = [];
    if (!OPD_CODE_PATTERN.test(dto.code)) errors.push({ field: 'code', message: 'must be 2-40 upper-case letters, digits or "-"' });
    if (!OPD_KINDS.includes(dto.kind)) errors.push({ field: 'kind', message: `must be one of ${OPD_KINDS.join(', ')}` });
    errors.push(...nameErrors(name));
    if (errors.length > 0) throw validationFailed(errors);
    try {
      return await this.opdRepo.manager.transaction(async (tx) => {
        // ON CONFLICT keeps a racing duplicate from aborting the transaction before it is reported.
        const rows: OpdEntity[] = await tx.query(
          `INSERT INTO opds (code, name, kind) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code, name, kind, active`,
          [dto.code, name, dto.kind],
        );
        if (rows.length === 0) throw codeTaken();
        const created = viewOf(rows[0]);
        await this.audit.record({ actor: actorOf(user, request), action: 'opd.create', entityType: 'opd', entityId: created.code, after: created }, tx);
        return created;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw codeTaken();
      throw error;
    }
  }

  async updateOpd(user: AuthenticatedUser, code: string, dto: UpdateOpdDto, request: RequestLike): Promise<OpdView> {
    const name = dto.name?.trim();
    if (name !== undefined && nameErrors(name).length > 0) throw validationFailed(nameErrors(name));
    return this.opdRepo.manager.transaction(async (tx) => {
      const [current]: OpdEntity[] = await tx.query(`SELECT code, name, kind, active FROM opds WHERE code = $1 FOR UPDATE`, [code]);
      if (!current) throw new SigapException(SigapErrorCode.NOT_FOUND, 'OPD not found');
      const before = viewOf(current);
      const after: OpdView = { ...before, name: name ?? before.name, active: dto.active ?? before.active };
      if (after.name === before.name && after.active === before.active) return before;
      await tx.query(`UPDATE opds SET name = $2, active = $3 WHERE code = $1`, [code, after.name, after.active]);
      await this.audit.record({ actor: actorOf(user, request), action: 'opd.update', entityType: 'opd', entityId: code, before, after }, tx);
      return after;
    });
  }

  areas(kind?: string): Promise<AreaView[]> {
    if (kind !== undefined && !AREA_KINDS.includes(kind as (typeof AREA_KINDS)[number])) {
      throw validationFailed([{ field: 'kind', message: `must be one of ${AREA_KINDS.join(', ')}` }]);
    }
    return this.areaRepo.find({
      where: kind ? { kind: kind as AreaView['kind'] } : {},
      order: { name: 'ASC' },
    });
  }
}

function nameErrors(name: string): FieldError[] {
  return name.length < 2 || name.length > 200 ? [{ field: 'name', message: 'must be 2-200 characters' }] : [];
}

function actorOf(user: AuthenticatedUser, request: RequestLike): AuditActor {
  return { id: user.id, role: user.role, ip: request.ip ?? null, requestId: request.id ? String(request.id) : null };
}
