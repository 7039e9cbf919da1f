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

/** InviteResponse's keys in the wire order. */
export const INVITE_KEYS = Object.keys(INVITE_JSON_PROPERTIES);

export const INVITE_JSON_SCHEMA = {
  type: 'object' as const,
  properties: INVITE_JSON_PROPERTIES,
  required: INVITE_KEYS,
};

/** What an invite's `url` starts with; the code is appended. */
export function inviteLinkBase(publicUrl: string): string {
  return `${publicUrl}/invite/`;
}

/**
 * An InviteRow's values in column order (INVITE_COLUMNS), as the list reads
 * them: pg's array rows spare it an object per row.
 */
export type InviteValues = [
  id: number,
  code: string,
  created_at: string,
  expires_at: string | null,
  uses: number,
  max_uses: number | null,
  created_by_id: number,
  note: string | null,
  revoked_at: string | null,
  last_used_at: string | null,
  valid: boolean,
];

/** `linkBase` is inviteLinkBase(PUBLIC_URL). */
export function toInviteResponse(
  row: InviteRow,
  linkBase: string,
): InviteResponse {
  return valuesToInviteResponse(
    [
      row.id,
      row.code,
      row.created_at,
      row.expires_at,
      row.uses,
      row.max_uses,
      row.created_by_id,
      row.note,
      row.revoked_at,
      row.last_used_at,
      row.valid,
    ],
    linkBase,
  );
}

/** toInviteResponse for the values of an array row. */
export function valuesToInviteResponse(
  values: InviteValues,
  linkBase: string,
): InviteResponse {
  const uses = values[4];
  const maxUses = values[5];
  return {
    id: values[0],
    code: values[1],
    createdAt: isoTimestamp(values[2]),
    expiresAt: values[3] === null ? null : isoTimestamp(values[3]),
    used: maxUses !== null && uses >= maxUses,
    createdById: values[6],
    uses,
    maxUses,
    note: values[7],
    revokedAt: values[8] === null ? null : isoTimestamp(values[8]),
    lastUsedAt: values[9] === null ? null : isoTimestamp(values[9]),
    valid: values[10],
    url: linkBase + values[1],
  };
}
