import { Module } from '@nestjs/common';
import { PagingModule } from '../common/paging/paging.module';
import { OutboxModule } from './outbox.module';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [OutboxModule, PagingModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveryWorker],
})
export class WebhooksModule {}
