import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NULLABLE_TIMESTAMP } from '../invite-response';

/*
 * The bodies of POST and PATCH, and the lookup's answer, for the OpenAPI
 * document only. Nothing validates against these classes: CreateInvitesPipe
 * and UpdateInvitePipe read the bodies, in the contract's order and with its
 * messages.
 */

const EXPIRES_AT =
  'When the invite expires: null, absent or "never"; an ISO-8601 date; "date=<date>" (Zipline dashboard); or a duration from now such as 30min, 1h, 1.5h, 2 hours, 1d, 7d, 1w, 1y.';
const NOTE =
  'A note for administrators, at most 500 characters; trimmed, and empty means null.';

export class CreateInviteBody {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '7d',
    description: EXPIRES_AT,
  })
  expiresAt?: string | null;

  @ApiPropertyOptional({
    type: Number,
    example: 1,
    description:
      'How many invites to create, 1..INVITES_MAX_COUNT (default 100); a number or a string of digits. More than 1 answers an array.',
  })
  count?: number | string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 1,
    description:
      'Registrations each invite allows (default 1); null for unlimited.',
  })
  maxUses?: number | string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'for the book club',
    description: `${NOTE} The same note goes on every invite of a batch.`,
  })
  note?: string | null;
}

export class UpdateInviteBody {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '30d',
    description: EXPIRES_AT,
  })
  expiresAt?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 5,
    description:
      'Registrations allowed, at least the current uses; null for unlimited.',
  })
  maxUses?: number | string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'for the book club',
    description: NOTE,
  })
  note?: string | null;
}

class Inviter {
  @ApiProperty({ example: 'administrator' })
  username: string;
}

export class InviteLookupResponse {
  @ApiProperty({ example: 'ix8iFD' })
  code: string;

  @ApiProperty(NULLABLE_TIMESTAMP)
  expiresAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1,
    description: 'Registrations left; null for unlimited',
  })
  remainingUses: number | null;

  @ApiProperty({ type: Inviter })
  inviter: Inviter;
}
