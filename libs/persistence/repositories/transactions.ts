/**
 * What repositories are built on, and the one way to write with several of
 * them atomically (a catalog change and its audit entry, say) without handing
 * a transaction's manager, and with it SQL, to the code that composes them.
 */
import type { DataSource, EntityManager } from 'typeorm';

/** The data source, or a caller's transaction (its manager). */
export type Database = DataSource | EntityManager;

/** A repository class: built on a data source or a transaction. */
export type RepositoryClass<R> = new (db: Database) => R;

export class Transactions {
  constructor(private readonly ds: DataSource) {}

  /** Runs `work` as one transaction: every repository it takes from `use` writes in it. */
  run<T>(work: (use: <R>(repository: RepositoryClass<R>) => R) => Promise<T>): Promise<T> {
    return this.ds.transaction((em) => work((Repository) => new Repository(em)));
  }
}
