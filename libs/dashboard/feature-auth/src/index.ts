export { LoginPage } from './lib/login-page';
export { RequireAuth, RequireRole, type RequireRoleProps } from './lib/require-auth';
