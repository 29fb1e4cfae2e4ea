import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FailedJobView, QueueCounts } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { originOf } from '@sigap/server/replies';
import { QueueAdminService } from './queue-admin.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor')
@Controller('v1/admin/queues')
export class QueueAdminController {
  constructor(private readonly admin: QueueAdminService) {}

  @Get()
  counts(): Promise<QueueCounts[]> {
    return this.admin.counts();
  }

  @Get(':name/failed')
  failed(@Param('name') name: string): Promise<FailedJobView[]> {
    return this.admin.failed(name);
  }

  @Post(':name/failed/:jobId/retry')
  @HttpCode(204)
  retry(
    @CurrentUser() user: AuthenticatedUser,
    @Param('name') name: string,
    @Param('jobId') jobId: string,
    @Req() request: { ip?: string; id?: unknown },
  ): Promise<void> {
    return this.admin.retry(name, jobId, user, originOf(request));
  }
}
