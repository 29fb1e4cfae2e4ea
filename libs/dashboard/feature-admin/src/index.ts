export { AdminPage } from './lib/admin-page';
export { RulesPage } from './lib/rules/rules-page';
export { UsersPage } from './lib/accounts/users-page';
export { AuditPage } from './lib/accounts/audit-page';
export { UnitsPage } from './lib/units/units-page';
export { ChannelsPage } from './lib/channels/channels-page';
