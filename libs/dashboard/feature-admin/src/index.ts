export { AdminPage } from './lib/admin-page';
