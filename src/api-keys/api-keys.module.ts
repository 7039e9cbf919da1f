import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { ApiKeyScopeGuard } from './api-key-scope.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [UsersModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService, ApiKeyScopeGuard],
  exports: [ApiKeysService, ApiKeyScopeGuard],
})
export class ApiKeysModule {}
