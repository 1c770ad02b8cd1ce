import { CreateCatalog1795977965268 } from './1795977965268-CreateCatalog';

/** Every migration, in order. */
export const migrations = [CreateCatalog1795977965268];
