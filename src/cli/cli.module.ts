import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import { DatabaseModule } from '../database/database.module';
import { InvitesModule } from '../invites/invites.module';
import { UsersModule } from '../users/users.module';

/**
 * What the operator CLI needs of the application: the database (migrated on
 * start-up, like the app), UsersService and InvitesService. Deliberately without
 * FirstAdministratorService: the CLI logs errors only, so the generated
 * password of a first administrator created here would be lost.
 */
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => config],
        }),
        DatabaseModule,
        UsersModule,
        InvitesModule,
      ],
    };
  }
}
