import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENTS } from './webhook-events';

/** API.md `Webhook`: never its secret. */
export class WebhookResponse {
  @ApiProperty({ type: 'integer', example: 1 })
  id: number;

  @ApiProperty({ example: 'https://backend.example.com/hooks/invites' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'integer', nullable: true, example: 1 })
  createdById: number | null;
}

export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret, shown this once',
  })
  secret: string;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ type: 'integer' })
  id: number;
  @ApiProperty({ example: 'msg_2b7c0c0e3f0d4a8e9b1f5c6d7e8f9a0b' })
  eventId: string;
  @ApiProperty({ example: 'invite.created' })
  type: string;
  @ApiProperty({ type: 'integer', example: 1 })
  attempt: number;
  @ApiProperty({ enum: ['delivered', 'failed', 'abandoned'] })
  status: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 200 })
  responseCode: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  error: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deliveredAt: string | null;
}

export interface WebhookRow {
  id: number;
  url: string;
  events: string[];
  created_at: Date;
  created_by_id: number | null;
}

export const WEBHOOK_COLUMNS = 'id, url, events, created_at, created_by_id';

export function toWebhookResponse(row: WebhookRow): WebhookResponse {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: row.created_at.toISOString(),
    createdById: row.created_by_id,
  };
}
