export { InboxPage } from './lib/inbox-page';
