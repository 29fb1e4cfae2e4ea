import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@sigap/contracts';
import { OpdEntity } from './opd.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'password_hash', select: false })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** A trainee's replies always go to a supervisor's approval queue. */
  @Column({ type: 'boolean', default: false })
  trainee: boolean;

  /** Most mentions round-robin assignment gives this person at once. */
  @Column({ type: 'smallint', default: 10 })
  capacity: number;

  @Column({ type: 'text', name: 'telegram_chat_id', nullable: true })
  telegramChatId: string | null;

  @Column({ type: 'text', name: 'whatsapp_number', nullable: true })
  whatsappNumber: string | null;

  @ManyToMany(() => OpdEntity, { eager: true })
  @JoinTable({ name: 'user_opds', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'opd_code' } })
  opds: OpdEntity[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
