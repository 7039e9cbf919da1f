import { Global, Module } from '@nestjs/common';
import { PagingModule } from '../common/paging/paging.module';
import { AuditLog } from './audit-log.service';
import { AuditController } from './audit.controller';

/** Global: every module that changes something writes its entry through AuditLog. */
@Global()
@Module({
  imports: [PagingModule],
  controllers: [AuditController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
