import { Module } from '@nestjs/common';
import { InviteCodeGenerator } from './invite-code.generator';
import { InvitesCleanupService } from './invites-cleanup.service';
import { InvitesEnabledGuard } from './invites-enabled.guard';
import { InvitesController } from './invites.controller';
import { InvitesService } from './invites.service';

@Module({
  controllers: [InvitesController],
  providers: [
    InvitesService,
    InviteCodeGenerator,
    InvitesEnabledGuard,
    InvitesCleanupService,
  ],
  exports: [InvitesService],
})
export class InvitesModule {}
