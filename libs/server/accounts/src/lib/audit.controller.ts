import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditPage } from '@sigap/contracts';
import { AuditBrowserService, type AuditFilter } from '@sigap/server/audit';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import type { Response } from 'express';
import { once } from 'node:events';
import { AuditQueryDto } from './audit-query.dto';
import { originOf, type RequestLike } from './request-origin';

const DEFAULT_PAGE_SIZE = 100;

const filterOf = (query: AuditQueryDto): AuditFilter => ({
  actorId: query.actorId,
  actionPrefix: query.action?.trim() || undefined,
  entityType: query.entityType?.trim() || undefined,
  entityId: query.entityId?.trim() || undefined,
  from: query.from ? new Date(query.from) : undefined,
  to: query.to ? new Date(query.to) : undefined,
});

@ApiTags('audit')
@ApiBearerAuth()
@Roles('supervisor', 'superadmin')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditBrowserService) {}

  @Get()
  list(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.list(filterOf(query), query.cursor ?? null, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async exportCsv(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditQueryDto, @Req() request: RequestLike, @Res() response: Response): Promise<void> {
    const origin = originOf(request);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="sigap-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    try {
      await this.audit.exportCsv({ id: user.id, role: user.role, ...origin }, filterOf(query), async (chunk) => {
        if (!response.write(chunk)) await once(response, 'drain');
      });
      response.end();
    } catch (error) {
      // Once rows are on the wire the status is sent; cutting the stream tells the client it is incomplete.
      if (!response.headersSent) throw error;
      response.destroy(error as Error);
    }
  }
}
