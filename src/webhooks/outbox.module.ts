import { Global, Module } from '@nestjs/common';
import { EventOutbox } from './event-outbox';

/**
 * Global so that any service can record events through EventOutbox: the
 * app (with WebhooksModule's delivery) and the CLI (without it) alike.
 */
@Global()
@Module({ providers: [EventOutbox], exports: [EventOutbox] })
export class OutboxModule {}
