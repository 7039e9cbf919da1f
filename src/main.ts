import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfigOrExit } from './config/load-config';
import { EmbeddedDatabase } from './database/embedded-database';

const logger = new Logger('Bootstrap');

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const embedded = config.database.url
    ? undefined
    : await EmbeddedDatabase.start({
        dataDir: config.database.dataDir,
        log: (message) => logger.log(message),
      });
  if (embedded) config.database.url = embedded.url;

  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.register(config),
      { bodyParser: false, forceCloseConnections: true, abortOnError: false },
    );
    configureApp(app, config);
    await app.listen(config.app.port);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  logger.log(`Listening on http://localhost:${config.app.port}/api`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    try {
      await app.close();
      await embedded?.stop();
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${String(error)}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  logger.error(
    `Start-up failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
