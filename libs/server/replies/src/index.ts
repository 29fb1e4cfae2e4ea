export * from './lib/replies.module';
export { renderTemplate, mergeTemplateValues, type RenderedText, type TemplateValues } from './lib/template-renderer';
export { outboxSignature } from './lib/outbox-delivery.service';
export { RepliesService, type ReplyAftermath } from './lib/replies.service';
export { originOf } from './lib/reply-origin';
