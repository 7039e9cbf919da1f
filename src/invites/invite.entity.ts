import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { NOTE_MAX_LENGTH } from './invite-limits';

export const INVITE_CODE_UNIQUE = 'invites_code_key';

@Entity({ name: 'invites' })
// The database itself refuses a use beyond maxUses: exactly-once redemption
// does not rest on application code alone.
@Check('invites_uses_within_max', '"max_uses" IS NULL OR "uses" <= "max_uses"')
@Check('invites_uses_not_negative', '"uses" >= 0')
@Check('invites_max_uses_positive', '"max_uses" IS NULL OR "max_uses" >= 1')
// Serves the list order (newest first, ties broken by id) and its cursor.
@Index('invites_created_at_id_idx', ['createdAt', 'id'])
export class Invite {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'invites_pkey' })
  id: number;

  @Index(INVITE_CODE_UNIQUE, { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Null: never expires. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Registrations that redeemed this invite. */
  @Column({ type: 'int', default: 0 })
  uses: number;

  /** Null: unlimited uses. */
  @Column({ name: 'max_uses', type: 'int', nullable: true, default: 1 })
  maxUses: number | null;

  /** The administrator's own words, at most NOTE_MAX_LENGTH characters. */
  @Column({ type: 'varchar', length: NOTE_MAX_LENGTH, nullable: true })
  note: string | null;

  /** Null: not revoked. A revoked invite keeps its history but cannot be redeemed. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The last successful registration with it. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Index('invites_created_by_id_idx')
  @Column({ name: 'created_by_id', type: 'int' })
  createdById: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'created_by_id',
    foreignKeyConstraintName: 'invites_created_by_id_fkey',
  })
  createdBy?: User;
}
