"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const app_module_1 = require("./app.module");
const app_setup_1 = require("./app.setup");
const app_logger_1 = require("./common/logging/app-logger");
const connection_draining_hook_1 = require("./common/hooks/connection-draining.hook");
const http_adapter_1 = require("./common/http/http-adapter");
const load_config_1 = require("./config/load-config");
const embedded_database_1 = require("./database/embedded-database");
const logger = new common_1.Logger('Bootstrap');
async function bootstrap() {
    const config = (0, load_config_1.loadConfigOrExit)();
    const appLogger = (0, app_logger_1.createAppLogger)(config.app.nodeEnv);
    common_1.Logger.overrideLogger(appLogger);
    const embedded = config.database.url
        ? undefined
        : await embedded_database_1.EmbeddedDatabase.start({
            dataDir: config.database.dataDir,
            log: (message) => logger.log(message),
        });
    if (embedded)
        config.database.url = embedded.url;
    let app;
    try {
        app = await core_1.NestFactory.create(app_module_1.AppModule.register(config), (0, http_adapter_1.createHttpAdapter)(config), { bodyParser: false, abortOnError: false, logger: appLogger });
        (0, app_setup_1.configureApp)(app, config);
        await app.listen(config.app.port, '0.0.0.0');
    }
    catch (error) {
        await embedded?.stop();
        throw error;
    }
    logger.log(`Listening on http://localhost:${config.app.port}/api`);
    let stopping = false;
    const shutdown = async (signal) => {
        if (stopping)
            return;
        stopping = true;
        logger.log(`${signal} received: finishing in-flight requests, then exiting`);
        // app.close() stops accepting connections, closes idle keep-alive ones
        // and waits for in-flight requests before it closes the database pool.
        // A request still running after the timeout loses its connection.
        (0, connection_draining_hook_1.startDrainingConnections)();
        const server = app.getHttpServer();
        const deadline = setTimeout(() => {
            logger.warn('shutdown timeout reached: closing the remaining connections');
            server.closeAllConnections();
        }, config.app.shutdownTimeoutMs);
        deadline.unref();
        try {
            await app.close();
            clearTimeout(deadline);
            await embedded?.stop();
            process.exit(0);
        }
        catch (error) {
            logger.error(`shutdown failed: ${String(error)}`);
            process.exit(1);
        }
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
}
bootstrap().catch((error) => {
    logger.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map