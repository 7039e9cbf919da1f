import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES } from './api-key-scopes';

/** API.md `ApiKey`: never the key or its hash. */
export class ApiKeyResponse {
  @ApiProperty({ type: 'integer', example: 3 })
  id: number;

  @ApiProperty({ example: 'billing backend' })
  name: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['invites:write'],
  })
  scopes: string[];

  @ApiProperty({
    example: 'isk_3fZq',
    description: "The key's first 8 characters",
  })
  prefix: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'integer', example: 1 })
  createdById: number;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastUsedAt: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    example: 'isk_3fZqP0aV9x2LmQ8rT1yU6wE4oI7pA5sD3fG1hJ0k',
    description: 'The secret, shown this once',
  })
  key: string;
}

export interface ApiKeyRow {
  id: number;
  name: string;
  scopes: string[];
  prefix: string;
  created_at: Date;
  created_by_id: number;
  expires_at: Date | null;
  last_used_at: Date | null;
}

export const API_KEY_COLUMNS =
  'id, name, scopes, prefix, created_at, created_by_id, expires_at, last_used_at';

export function toApiKeyResponse(row: ApiKeyRow): ApiKeyResponse {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    createdById: row.created_by_id,
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
