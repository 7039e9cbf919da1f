import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/database/data-source-options';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:*`). The npm scripts
 * run it through scripts/with-database.ts, which sets DATABASE_URL to the
 * embedded database when none is configured.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL is not set (run the CLI through `npm run migration:*`)',
  );
}

export default new DataSource(buildDataSourceOptions({ url }));
