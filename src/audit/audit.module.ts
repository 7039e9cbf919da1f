import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLog } from './audit-log.service';
import { AuditController } from './audit.controller';
import { RequestContextInterceptor } from './request-context';

/** Global: every module that changes something writes its entry through AuditLog. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditLog,
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [AuditLog],
})
export class AuditModule {}
