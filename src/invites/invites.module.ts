import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PagingModule } from '../common/paging/paging.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { User } from '../users/user.entity';
import { InviteCodeGenerator } from './invite-code.generator';
import { InviteLookupController } from './invite-lookup.controller';
import { Invite } from './invite.entity';
import { InvitesCleanupService } from './invites-cleanup.service';
import { InvitesEnabledGuard } from './invites-enabled.guard';
import { InvitesController } from './invites.controller';
import { InvitesService } from './invites.service';

@Module({
  // User: an invite's redemption history is the users who registered with it.
  imports: [
    TypeOrmModule.forFeature([Invite, User]),
    PagingModule,
    IdempotencyModule,
  ],
  controllers: [InvitesController, InviteLookupController],
  providers: [
    InvitesService,
    InviteCodeGenerator,
    InvitesEnabledGuard,
    InvitesCleanupService,
  ],
  exports: [InvitesService],
})
export class InvitesModule {}
