import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Webhook } from './webhook.entity';

/** One row per delivery attempt: the log behind GET /api/webhooks/:id/deliveries. */
@Entity({ name: 'webhook_deliveries' })
@Index('webhook_deliveries_webhook_id_id_idx', ['webhookId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn({
    type: 'bigint',
    primaryKeyConstraintName: 'webhook_deliveries_pkey',
  })
  id: string;

  @Column({ name: 'webhook_id', type: 'int' })
  webhookId: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'webhook_id',
    foreignKeyConstraintName: 'webhook_deliveries_webhook_id_fkey',
  })
  webhook?: Webhook;

  /** The event's id, also sent as `webhook-id`. */
  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'int' })
  attempt: number;

  /** `delivered`, `failed` (will be retried) or `abandoned` (gave up). */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'response_code', type: 'int', nullable: true })
  responseCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
