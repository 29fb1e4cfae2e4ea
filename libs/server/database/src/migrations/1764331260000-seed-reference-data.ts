import { MigrationInterface, QueryRunner } from 'typeorm';
import { AREA_SEED } from '../seeds/area.seed';
import { OPD_SEED } from '../seeds/opd.seed';

/** Bandung's OPDs, outside bodies and administrative areas, from the repo's seed files. */
export class SeedReferenceData1764331260000 implements MigrationInterface {
  name = 'SeedReferenceData1764331260000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `INSERT INTO opds (code, name, kind)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [OPD_SEED.map((o) => o.code), OPD_SEED.map((o) => o.name), OPD_SEED.map((o) => o.kind)],
    );
    await db.query(
      `INSERT INTO areas (code, kind, parent_code, name)
       SELECT code, kind, parent_code, name FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, kind, parent_code, name)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
      [
        AREA_SEED.map((a) => a.code),
        AREA_SEED.map((a) => a.kind),
        // The city's parent (the province) is not an area Sigap tracks.
        AREA_SEED.map((a) => (a.kind === 'kota' ? null : a.parentCode)),
        AREA_SEED.map((a) => a.name),
      ],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM user_opds`);
    await db.query(`DELETE FROM areas`);
    await db.query(`DELETE FROM opds`);
  }
}
