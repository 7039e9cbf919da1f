import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

@Entity({ name: 'api_keys' })
export class ApiKey {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'api_keys_pkey' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  /** The key's first 8 characters, so an administrator can recognise it. */
  @Column({ type: 'varchar', length: 8 })
  prefix: string;

  /** SHA-256 of the whole key, hex: the key itself is never stored. */
  @Index('api_keys_key_hash_key', { unique: true })
  @Column({ name: 'key_hash', type: 'char', length: 64, select: false })
  keyHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('api_keys_created_by_id_idx')
  @Column({ name: 'created_by_id', type: 'int' })
  createdById: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'created_by_id',
    foreignKeyConstraintName: 'api_keys_created_by_id_fkey',
  })
  createdBy?: User;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
