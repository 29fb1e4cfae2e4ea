export { BoardPage } from './lib/board-page';
