import { ApiProperty } from '@nestjs/swagger';

/** A row of the invites table as the queries return it (snake_case columns). */
export interface InviteRow {
  id: number;
  code: string;
  created_at: Date;
  expires_at: Date | null;
  uses: number;
  max_uses: number | null;
  created_by_id: number;
}

/**
 * The seed's `Invite` model, key for key and in its order, then this
 * service's extension (`uses`, `maxUses`).
 */
export class InviteResponse {
  @ApiProperty({ example: 35 })
  id: number;

  @ApiProperty({ example: 'ix8iFD2k' })
  code: string;

  @ApiProperty({ example: '2022-11-11T03:34:25.532Z' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  expiresAt: string | null;

  @ApiProperty({
    example: false,
    description: 'maxUses !== null && uses >= maxUses',
  })
  used: boolean;

  @ApiProperty({ example: 1 })
  createdById: number;

  @ApiProperty({
    example: 0,
    description: 'Registrations that redeemed this invite',
  })
  uses: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'Redemptions allowed; null for unlimited',
  })
  maxUses: number | null;
}

export function toInviteResponse(row: InviteRow): InviteResponse {
  return {
    id: row.id,
    code: row.code,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    used: row.max_uses !== null && row.uses >= row.max_uses,
    createdById: row.created_by_id,
    uses: row.uses,
    maxUses: row.max_uses,
  };
}
