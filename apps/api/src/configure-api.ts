import type { INestApplication } from '@nestjs/common';
import { ProblemFilter } from './problem.filter';

/** What the running API and its tests share: the prefix and the one error body. */
export function configureApi<T extends INestApplication>(app: T): T {
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter());
  return app;
}
