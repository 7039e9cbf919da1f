import { Global, Module } from '@nestjs/common';
import { EventOutbox } from './event-outbox';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Global so that any service can record events through EventOutbox. */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, EventOutbox, WebhookDeliveryWorker],
  exports: [EventOutbox],
})
export class WebhooksModule {}
