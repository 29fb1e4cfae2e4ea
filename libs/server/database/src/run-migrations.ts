import { DataSource } from 'typeorm';
import { sigapDataSourceOptions } from './data-source';

/** Applies pending migrations; returns the names of those that ran. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(sigapDataSourceOptions(databaseUrl, 'sigap-migrate'));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
