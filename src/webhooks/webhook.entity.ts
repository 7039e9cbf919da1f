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

@Entity({ name: 'webhooks' })
export class Webhook {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'webhooks_pkey' })
  id: number;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'text', array: true })
  events: string[];

  /**
   * `whsec_…`, kept readable because every delivery is signed with it (an
   * HMAC key cannot be stored as a hash). Never selected unless named.
   */
  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('webhooks_created_by_id_idx')
  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'created_by_id',
    foreignKeyConstraintName: 'webhooks_created_by_id_fkey',
  })
  createdBy?: User | null;
}
