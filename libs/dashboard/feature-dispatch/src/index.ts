export { RotaPage } from './lib/rota-page';
