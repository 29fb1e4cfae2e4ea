import { AreaEntity } from './area.entity';
import { AuthorEntity } from './author.entity';
import { ClusterEntity } from './cluster.entity';
import { MentionEntity } from './mention.entity';
import { OpdEntity } from './opd.entity';
import { RuleSetEntity } from './rule-set.entity';
import { UserEntity } from './user.entity';

export { AreaEntity, AuthorEntity, ClusterEntity, MentionEntity, OpdEntity, RuleSetEntity, UserEntity };
export const SIGAP_ENTITIES = [OpdEntity, AreaEntity, UserEntity, AuthorEntity, MentionEntity, ClusterEntity, RuleSetEntity];
