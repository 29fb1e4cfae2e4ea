import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserEntity } from '@sigap/server/database';
import type { Role } from '@sigap/contracts';
import { Repository } from 'typeorm';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  opds: string[];
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  findByEmailWithPassword(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.opds', 'opd')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async create(user: NewUser): Promise<UserEntity> {
    const entity = this.users.create({
      email: user.email.toLowerCase(),
      name: user.name,
      passwordHash: user.passwordHash,
      role: user.role,
      opds: user.opds.map((code) => ({ code })),
    });
    return this.users.save(entity);
  }
}
