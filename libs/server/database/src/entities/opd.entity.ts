import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OpdKind } from '@sigap/contracts';

/** A unit that answers for mentions: a city agency, an outside body, or a kecamatan/kelurahan office. */
@Entity('opds')
export class OpdEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OpdKind;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
