import './gc-tuning';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createAppLogger } from './common/logging/app-logger';
import { loadConfigOrExit } from './config/load-config';
import { EmbeddedDatabase } from './database/embedded-database';
import { startDrainingConnections } from './http/connection-draining';
import { loadHttpPlatform } from './http/http-platform';

const logger = new Logger('Bootstrap');

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const appLogger = createAppLogger(config.app.nodeEnv);
  Logger.overrideLogger(appLogger);
  const embedded = config.database.url
    ? undefined
    : await EmbeddedDatabase.start({
        dataDir: config.database.dataDir,
        log: (message) => logger.log(message),
      });
  if (embedded) config.database.url = embedded.url;

  const platform = await loadHttpPlatform(config.app.httpPlatform);
  let app: INestApplication;
  try {
    app = await NestFactory.create(
      AppModule.register(config),
      platform.createAdapter(config),
      { bodyParser: false, abortOnError: false, logger: appLogger },
    );
    configureApp(app, config, platform);
    await app.listen(config.app.port, '0.0.0.0');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  logger.log(
    `Listening on http://localhost:${config.app.port}/api (${platform.name})`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(
      `${signal} received: finishing in-flight requests, then exiting`,
    );
    // app.close() stops accepting connections, closes idle keep-alive ones
    // and waits for in-flight requests before it closes the database pool.
    // A request still running after the timeout loses its connection.
    startDrainingConnections();
    const server = app.getHttpServer() as Server;
    const deadline = setTimeout(() => {
      logger.warn(
        'shutdown timeout reached: closing the remaining connections',
      );
      server.closeAllConnections();
    }, config.app.shutdownTimeoutMs);
    deadline.unref();
    try {
      await app.close();
      clearTimeout(deadline);
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
