import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Channel } from '@sigap/contracts';

@Entity('authors')
@Unique('uq_authors_channel_handle', ['channel', 'handle'])
export class AuthorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'text' })
  handle: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'integer', nullable: true })
  followers: number | null;

  @Column({ type: 'boolean', default: false })
  verified: boolean;
}
