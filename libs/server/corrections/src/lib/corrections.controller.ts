import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MentionCorrectionView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { CorrectMentionDto } from './correction.dto';
import { CorrectionsService } from './corrections.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/mentions')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Post(':id/corrections')
  @ApiResponse({ status: 404, description: 'no such mention, or outside the OPDs of the admin' })
  correct(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: CorrectMentionDto): Promise<MentionCorrectionView> {
    return this.corrections.correct(user, id, dto);
  }
}
