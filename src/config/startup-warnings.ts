import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig, configWarnings } from './configuration';

/** Logs each allowed-but-weakening setting once, when the app has started. */
@Injectable()
export class StartupWarnings implements OnApplicationBootstrap {
  private readonly logger = new Logger('Config');

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  onApplicationBootstrap(): void {
    const invites = this.config.get('invites', { infer: true });
    const app = this.config.get('app', { infer: true });
    for (const warning of configWarnings({ invites, app })) {
      this.logger.warn(warning);
    }
  }
}
