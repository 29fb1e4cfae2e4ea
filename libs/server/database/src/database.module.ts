import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SIGAP_CONFIG, type SigapConfig } from '@sigap/server/core';
import { sigapDataSourceOptions } from './data-source';

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SIGAP_CONFIG],
          useFactory: (config: SigapConfig) => sigapDataSourceOptions(config.databaseUrl, `sigap-${config.app}`),
        }),
      ],
    };
  }
}
