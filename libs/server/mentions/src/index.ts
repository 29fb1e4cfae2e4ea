export * from './lib/mentions.module';
export * from './lib/mentions.repository';
export * from './lib/mention.mapper';
export * from './lib/mentions.service';
export * from './lib/personal-data-mask';
export * from './lib/mention-filter.dto';
