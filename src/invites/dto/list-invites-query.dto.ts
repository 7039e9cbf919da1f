import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * GET's optional query, read by parseListInvitesQuery; declared here so the
 * OpenAPI document shows it. Without any of these the answer is the seed's:
 * every invite.
 */
export class ListInvitesQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only used-up (or only usable) invites',
  })
  @Allow()
  used?: unknown;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only expired (or only unexpired) invites',
  })
  @Allow()
  expired?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    description:
      'Page size; when more rows remain, a `Link: <…>; rel="next"` header points to the next page',
  })
  @Allow()
  limit?: unknown;

  @ApiPropertyOptional({
    type: String,
    description: 'Opaque cursor from a previous page’s Link header',
  })
  @Allow()
  cursor?: unknown;
}
