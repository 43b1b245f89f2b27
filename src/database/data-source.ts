import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.validation';
import { databaseOptions } from './database.options';

/** For the TypeORM CLI only (`npm run migration:*`); the app builds its own through TypeOrmModule. */
export default new DataSource(databaseOptions(validateEnvironment(process.env).DATABASE_URL));
