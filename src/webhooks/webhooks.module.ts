import { Module } from '@nestjs/common';
import { OutboxModule } from './outbox.module';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [OutboxModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveryWorker],
})
export class WebhooksModule {}
