import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * The POST body. Values are read by parseCreateInvitesInput (in the
 * contract's order, with its messages); the decorators here admit the three
 * keys, so any other key is refused as `unknown field: <name>`, and describe
 * them for the OpenAPI document.
 */
export class CreateInviteDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '7d',
    description:
      'When the invite expires: null, absent or "never"; an ISO-8601 date; "date=<date>" (Zipline dashboard); or a duration from now such as 30min, 1h, 1.5h, 2 hours, 1d, 7d, 1w, 1y.',
  })
  @Allow()
  expiresAt?: unknown;

  @ApiPropertyOptional({
    type: Number,
    example: 1,
    description:
      'How many invites to create, 1..INVITES_MAX_COUNT (default 100); a number or a string of digits. More than 1 answers an array.',
  })
  @Allow()
  count?: unknown;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 1,
    description:
      'Registrations each invite allows (default 1); null for unlimited.',
  })
  @Allow()
  maxUses?: unknown;
}
