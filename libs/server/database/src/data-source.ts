import type { DataSourceOptions } from 'typeorm';
import { SIGAP_ENTITIES } from './entities';
import { InitialSchema1764331200000 } from './migrations/1764331200000-initial-schema';
import { SeedReferenceData1764331260000 } from './migrations/1764331260000-seed-reference-data';
import { Clusters1764400000000 } from './migrations/1764400000000-clusters';
import { RuleSets1764500000000 } from './migrations/1764500000000-rule-sets';
import { Corrections1764600000000 } from './migrations/1764600000000-corrections';
import { AuditAndClaims1764700000000 } from './migrations/1764700000000-audit-and-claims';
import { DeskWorkflow1764800000000 } from './migrations/1764800000000-desk-workflow';
import { Sessions1764810000000 } from './migrations/1764810000000-sessions';
import { Replies1764820000000 } from './migrations/1764820000000-replies';
import { MentionNotes1764830000000 } from './migrations/1764830000000-mention-notes';
import { Dispatch1764840000000 } from './migrations/1764840000000-dispatch';
import { DeskBoardIndexes1764850000000 } from './migrations/1764850000000-desk-board-indexes';
import { OpdsActive1764870000000 } from './migrations/1764870000000-opds-active';
import { SessionsEndedIndex1764860000000 } from './migrations/1764860000000-sessions-ended-index';
import { DeskSettings1764880000000 } from './migrations/1764880000000-desk-settings';
import { Channels1764890000000 } from './migrations/1764890000000-channels';
import { MentionFollowUps1764900000000 } from './migrations/1764900000000-mention-follow-ups';
import { ForwardedIsOpen1764910000000 } from './migrations/1764910000000-forwarded-is-open';

export const SIGAP_MIGRATIONS = [
  InitialSchema1764331200000,
  SeedReferenceData1764331260000,
  Clusters1764400000000,
  RuleSets1764500000000,
  Corrections1764600000000,
  AuditAndClaims1764700000000,
  DeskWorkflow1764800000000,
  Sessions1764810000000,
  Replies1764820000000,
  MentionNotes1764830000000,
  Dispatch1764840000000,
  DeskBoardIndexes1764850000000,
  SessionsEndedIndex1764860000000,
  OpdsActive1764870000000,
  DeskSettings1764880000000,
  Channels1764890000000,
  MentionFollowUps1764900000000,
  ForwardedIsOpen1764910000000,
];

/** Schema changes only ever come from migrations; `synchronize` stays off. */
export function sigapDataSourceOptions(databaseUrl: string, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: SIGAP_ENTITIES,
    migrations: SIGAP_MIGRATIONS,
    migrationsTableName: 'sigap_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // TypeORM's own logger writes plain text with every query parameter (citizens' messages);
    // failures surface as exceptions and are logged by the callers as JSON instead.
    logging: false,
    applicationName,
    extra: { max: 10 },
  };
}
