export { InboxPage } from './lib/inbox-page';
export { MyWorkPage } from './lib/my-work-page';
