export { ReplyComposer, renderReplyComposer } from './lib/reply-composer';
export { ApprovalsPage } from './lib/approvals-page';
export { TemplatesPage } from './lib/templates-page';
