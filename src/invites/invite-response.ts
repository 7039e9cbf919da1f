import { ApiProperty } from '@nestjs/swagger';
import { isoTimestamp } from '../database/postgres-timestamp';

/**
 * A row of the invites table as the queries return it (snake_case columns),
 * dates as PostgreSQL's text (`created_at::text`), which isoTimestamp turns
 * into the ISO string without a Date in between.
 */
export interface InviteRow {
  id: number;
  code: string;
  created_at: string;
  expires_at: string | null;
  uses: number;
  max_uses: number | null;
  created_by_id: number;
  note: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  /** Computed by the database, whose clock also decides redemption. */
  valid: boolean;
}

/** An ISO-8601 date, or null. */
export const NULLABLE_TIMESTAMP = {
  type: String,
  format: 'date-time',
  nullable: true,
  example: null,
};

/**
 * The seed's `Invite` model, key for key and in its order, then this
 * service's extension (`uses` … `url`).
 */
export class InviteResponse {
  @ApiProperty({ type: 'integer', example: 35 })
  id: number;

  @ApiProperty({ example: 'ix8iFD' })
  code: string;

  @ApiProperty({ format: 'date-time', example: '2022-11-11T03:34:25.532Z' })
  createdAt: string;

  @ApiProperty(NULLABLE_TIMESTAMP)
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

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The administrator’s note, at most 500 characters',
  })
  note: string | null;

  @ApiProperty({
    ...NULLABLE_TIMESTAMP,
    description: 'When it was revoked; null while it is not',
  })
  revokedAt: string | null;

  @ApiProperty({
    ...NULLABLE_TIMESTAMP,
    description: 'The last successful registration with it',
  })
  lastUsedAt: string | null;

  @ApiProperty({
    example: true,
    description:
      'A registration could redeem it now: not used up, not expired, not revoked',
  })
  valid: boolean;

  @ApiProperty({
    example: 'http://localhost:3000/invite/ix8iFD',
    description: 'The invite link, `<PUBLIC_URL>/invite/<code>`',
  })
  url: string;
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
  note: null,
  revokedAt: null,
  lastUsedAt: null,
  valid: true,
  url: 'http://localhost:3000/invite/ix8iFD',
};

/**
 * InviteResponse as a JSON Schema for a precompiled serializer
 * (fast-json-stringify, through compileJson), which knows the shape in
 * advance. Keys in the wire order; a unit test keeps them equal to
 * InviteResponse's. Dates are isoTimestamp's output, digits and `-:.TZ+`
 * only, so they skip the escaping of every other string ('unsafe').
 */
const ISO_DATE = { type: 'string', format: 'unsafe' } as const;
const NULLABLE_ISO_DATE = { ...ISO_DATE, nullable: true } as const;
const INVITE_JSON_PROPERTIES = {
  id: { type: 'integer' },
  code: { type: 'string' },
  createdAt: ISO_DATE,
  expiresAt: NULLABLE_ISO_DATE,
  used: { type: 'boolean' },
  createdById: { type: 'integer' },
  uses: { type: 'integer' },
  maxUses: { type: 'integer', nullable: true },
  note: { type: 'string', nullable: true },
  revokedAt: NULLABLE_ISO_DATE,
  lastUsedAt: NULLABLE_ISO_DATE,
  valid: { type: 'boolean' },
  url: { type: 'string' },
} as const;

export const INVITE_JSON_SCHEMA = {
  type: 'object',
  properties: INVITE_JSON_PROPERTIES,
  required: Object.keys(INVITE_JSON_PROPERTIES),
};

/** What an invite's `url` starts with; the code is appended. */
export function inviteLinkBase(publicUrl: string): string {
  return `${publicUrl}/invite/`;
}

/** `linkBase` is inviteLinkBase(PUBLIC_URL). */
export function toInviteResponse(
  row: InviteRow,
  linkBase: string,
): InviteResponse {
  return {
    id: row.id,
    code: row.code,
    createdAt: isoTimestamp(row.created_at),
    expiresAt: row.expires_at === null ? null : isoTimestamp(row.expires_at),
    used: row.max_uses !== null && row.uses >= row.max_uses,
    createdById: row.created_by_id,
    uses: row.uses,
    maxUses: row.max_uses,
    note: row.note,
    revokedAt: row.revoked_at === null ? null : isoTimestamp(row.revoked_at),
    lastUsedAt:
      row.last_used_at === null ? null : isoTimestamp(row.last_used_at),
    valid: row.valid,
    url: linkBase + row.code,
  };
}
