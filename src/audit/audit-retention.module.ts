import { Module } from '@nestjs/common';
import { AuditRetention } from './audit-retention';

/** The server's alone: a CLI run must not schedule or unschedule the deletions. */
@Module({ providers: [AuditRetention] })
export class AuditRetentionModule {}
