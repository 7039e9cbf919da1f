import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';
import { AuditController } from './audit.controller';

/** Global: every module that changes something writes its entry through AuditLog. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
