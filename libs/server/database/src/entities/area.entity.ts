import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('areas')
export class AreaEntity {
  /** BPS code, e.g. 3273010 for Kecamatan Bandung Kulon. */
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  kind: 'kota' | 'kecamatan' | 'kelurahan';

  @Column({ type: 'text', name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column({ type: 'text' })
  name: string;
}
