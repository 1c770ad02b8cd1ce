/** Entry point for TypeORM's migration CLI (`npm run migration:generate -- <name>`). */
import { createDataSource } from './data-source';

export default createDataSource();
