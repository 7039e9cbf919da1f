import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/decorators/api-error-responses.decorator';
import { Public } from '../common/decorators/public.decorator';
import { RateLimited } from '../rate-limit/rate-limited.decorator';
import { InviteLookupResponse } from './dto/invite-bodies.api';
import { InviteCodeQueryDto } from './dto/invite-code-query.dto';
import { InvitesEnabledGuard } from './invites-enabled.guard';
import { InviteLookup, InvitesService } from './invites.service';

/**
 * What an invitee may know about a code before registering. Public, and on
 * the login/register rate limit: otherwise it would be a free oracle for
 * guessing codes.
 */
@ApiTags('auth')
@Controller('auth/register')
export class InviteLookupController {
  constructor(private readonly invites: InvitesService) {}

  // Above @RateLimited(), so that its 429 is the one documented.
  @ApiErrorResponses(
    [400, 'invites are disabled', 'no code', 'invalid query'],
    [404, 'invalid invite code'],
    429,
    500,
    503,
  )
  @Public()
  @RateLimited()
  @UseGuards(InvitesEnabledGuard)
  @Get('invite')
  @ApiOperation({
    summary: 'Look up an invite code before registering with it',
  })
  @ApiOkResponse({
    type: InviteLookupResponse,
    description: 'The code could be redeemed now',
  })
  lookup(@Query() query: InviteCodeQueryDto): Promise<InviteLookup> {
    return this.invites.lookup(query.code);
  }
}
