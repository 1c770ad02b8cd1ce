import { createTestDatabase, type TestDatabase } from '../../tools/test-database';

describe('migrations on an empty database (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase({ migrate: false })));
  afterAll(() => db.drop());

  const tables = async () =>
    (
      await db.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('go up to the entities exactly and down to nothing', async () => {
    const applied = await db.dataSource.runMigrations({ transaction: 'all' });
    expect(applied.length).toBeGreaterThan(0);
    expect(await tables()).toEqual(db.dataSource.entityMetadatas.map((m) => m.tableName).sort());
    // The schema the migrations built is the one the entities describe: nothing left to generate.
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    // What the entities cannot say: the outbox's messages are compressed with lz4 ('l').
    const [{ compression }] = await db.dataSource.query(
      `SELECT attcompression AS compression FROM pg_attribute WHERE attrelid = 'notice'::regclass AND attname = 'message'`,
    );
    expect(compression).toBe('l');

    for (let i = 0; i < applied.length; i++) await db.dataSource.undoLastMigration({ transaction: 'all' });
    expect(await tables()).toEqual([]);
  });
});
