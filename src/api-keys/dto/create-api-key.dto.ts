import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { API_KEY_SCOPES } from '../api-key-scopes';

/** Admits the three keys (others → `unknown field: …`); parseCreateApiKeyInput checks them. */
export class CreateApiKeyDto {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: 100,
    example: 'billing backend',
  })
  @Allow()
  name?: unknown;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['invites:write'],
  })
  @Allow()
  scopes?: unknown;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1y',
    description:
      'As an invite\'s expiresAt: null/"never", an ISO-8601 date or a duration such as 90d.',
  })
  @Allow()
  expiresAt?: unknown;
}
