export { AdminPage } from './lib/admin-page';
export { RulesPage } from './lib/rules/rules-page';
