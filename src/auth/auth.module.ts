import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from '../config/configuration';
import { InvitesModule } from '../invites/invites.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { RegistrationOpenGuard } from './registration-open.guard';
import { RegistrationService } from './registration.service';

@Module({
  imports: [
    UsersModule,
    InvitesModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const auth = config.get('auth', { infer: true });
        return {
          secret: auth.jwtSecret,
          signOptions: {
            algorithm: 'HS256',
            expiresIn: auth.jwtExpiresInSeconds,
            issuer: auth.jwtIssuer,
            audience: auth.jwtIssuer,
          },
          verifyOptions: {
            algorithms: ['HS256'],
            issuer: auth.jwtIssuer,
            audience: auth.jwtIssuer,
          },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    RegistrationService,
    RegistrationOpenGuard,
    JwtStrategy,
    JwtAuthGuard,
  ],
  exports: [AuthService, JwtAuthGuard],
})
export class AuthModule {}
