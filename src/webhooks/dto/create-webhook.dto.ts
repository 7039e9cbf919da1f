import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { WEBHOOK_EVENTS } from '../webhook-events';

export class CreateWebhookDto {
  @ApiProperty({
    type: String,
    example: 'https://backend.example.com/hooks/invites',
  })
  @Allow()
  url?: unknown;

  @ApiProperty({
    enum: WEBHOOK_EVENTS,
    isArray: true,
    example: ['invite.created'],
  })
  @Allow()
  events?: unknown;
}
