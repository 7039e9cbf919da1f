import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Invite } from '../invites/invite.entity';

/** Unique index on lower(username): "Alice" and "alice" are one account. */
export const USERNAME_UNIQUE_INDEX = 'users_username_lower_key';

@Entity({ name: 'users' })
// Declared for documentation; the expression index itself lives in the
// migration because TypeORM cannot describe it (synchronize: false keeps
// migration:generate from fighting over it).
@Index(USERNAME_UNIQUE_INDEX, { synchronize: false })
export class User {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'users_pkey' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** Never selected unless asked for by name, so it cannot reach a response by accident. */
  @Column({
    name: 'password_hash',
    type: 'varchar',
    length: 255,
    select: false,
  })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  administrator: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /**
   * Copied into each token as the `ver` claim; raising it (logout, password
   * change, demotion, disabling) ends every session issued before.
   */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion: number;

  /** Set while the account is disabled: no login, and every token is refused. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** The invite redeemed at registration; null once that invite is deleted. */
  @Index('users_invite_id_idx')
  @Column({ name: 'invite_id', type: 'int', nullable: true })
  inviteId: number | null;

  @ManyToOne(() => Invite, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'invite_id',
    foreignKeyConstraintName: 'users_invite_id_fkey',
  })
  invite?: Invite | null;
}
