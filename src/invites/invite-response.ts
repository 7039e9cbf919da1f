import { ApiProperty } from '@nestjs/swagger';
import { isoTimestamp } from '../database/postgres-timestamp';

/**
 * A row of the invites table as the queries return it (snake_case columns);
 * dates as Dates, or as PostgreSQL's text when read with TIMESTAMPTZ_AS_TEXT.
 */
export interface InviteRow {
  id: number;
  code: string;
  created_at: Date | string;
  expires_at: Date | string | null;
  uses: number;
  max_uses: number | null;
  created_by_id: number;
}

/**
 * The seed's `Invite` model, key for key and in its order, then this
 * service's extension (`uses`, `maxUses`).
 */
export class InviteResponse {
  @ApiProperty({ type: 'integer', example: 35 })
  id: number;

  @ApiProperty({ example: 'ix8iFD' })
  code: string;

  @ApiProperty({ format: 'date-time', example: '2022-11-11T03:34:25.532Z' })
  createdAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
  })
  expiresAt: string | null;

  @ApiProperty({
    example: false,
    description: 'maxUses !== null && uses >= maxUses',
  })
  used: boolean;

  @ApiProperty({ type: 'integer', example: 1 })
  createdById: number;

  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'Registrations that redeemed this invite',
  })
  uses: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1,
    description: 'Redemptions allowed; null for unlimited',
  })
  maxUses: number | null;
}

/** The seed's invite 35 (Zipline's docs), as this service answers it. */
export const INVITE_EXAMPLE: InviteResponse = {
  id: 35,
  code: 'ix8iFD',
  createdAt: '2022-11-11T03:34:25.532Z',
  expiresAt: null,
  used: false,
  createdById: 1,
  uses: 0,
  maxUses: 1,
};

/**
 * InviteResponse as a JSON Schema for Fastify's serializer: a route that
 * declares it gets its 200 body written by fast-json-stringify, which knows
 * the shape in advance, instead of JSON.stringify (about half the
 * serialization time of a list). Keys in the wire order; a unit test keeps
 * them equal to InviteResponse's.
 */
const INVITE_JSON_PROPERTIES = {
  id: { type: 'integer' },
  code: { type: 'string' },
  createdAt: { type: 'string' },
  expiresAt: { type: 'string', nullable: true },
  used: { type: 'boolean' },
  createdById: { type: 'integer' },
  uses: { type: 'integer' },
  maxUses: { type: 'integer', nullable: true },
} as const;

export const INVITE_JSON_SCHEMA = {
  type: 'object',
  properties: INVITE_JSON_PROPERTIES,
  required: Object.keys(INVITE_JSON_PROPERTIES),
};

export function toInviteResponse(row: InviteRow): InviteResponse {
  return {
    id: row.id,
    code: row.code,
    createdAt: isoTimestamp(row.created_at),
    expiresAt: row.expires_at === null ? null : isoTimestamp(row.expires_at),
    used: row.max_uses !== null && row.uses >= row.max_uses,
    createdById: row.created_by_id,
    uses: row.uses,
    maxUses: row.max_uses,
  };
}
