import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ClassifyResponse } from '@sigap/contracts';
import { Public } from '@sigap/server/auth';
import { ClassifyAccessGuard } from './classify-access.guard';
import { ClassifyService } from './classify.service';

@ApiTags('triage')
@Controller('v1/triage')
export class ClassifyController {
  constructor(private readonly classifier: ClassifyService) {}

  @Public()
  @UseGuards(ClassifyAccessGuard)
  @Post('classify')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiHeader({ name: 'X-Api-Key', required: false, description: 'the ingest key, for other systems; people use their access token' })
  @ApiBody({ description: '{ "items": [{ "id", "text", "author"?, "channel"? }] }, at most 1000 items' })
  @ApiResponse({ status: 200, description: '{ items: [{ id, urgency, score, opd, topic, reasons, ruleSetVersion, … }] }' })
  classify(@Body() body: unknown): ClassifyResponse {
    return this.classifier.classify(body);
  }
}
