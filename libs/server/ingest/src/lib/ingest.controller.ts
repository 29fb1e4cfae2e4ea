import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IngestResponse } from '@sigap/contracts';
import { Public } from '@sigap/server/auth';
import { IngestKeyGuard, type IngestRequest } from './ingest-key.guard';
import { IngestService } from './ingest.service';

@ApiTags('ingest')
@Controller('v1/mentions')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Public()
  @UseGuards(IngestKeyGuard)
  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'X-Api-Key', required: true })
  @ApiBody({ description: 'One mention, or { "items": [ ...up to 1000 mentions ] }' })
  @ApiResponse({
    status: 202,
    description: '{ accepted, duplicates, rejected, items: [{ index, id | error }] }; an item of a disabled channel, or of another channel than a channel key\'s, is rejected on its own',
  })
  @ApiResponse({ status: 400, description: 'not JSON, or not a mention / items array' })
  @ApiResponse({ status: 401, description: 'missing, wrong or revoked X-Api-Key' })
  @ApiResponse({ status: 413, description: 'body over the limit' })
  accept(@Body() body: unknown, @Req() request: IngestRequest): Promise<IngestResponse> {
    return this.ingest.ingest(body, request.ingestPrincipal);
  }
}
