// Test helpers for the dashboard libs; never imported by the app itself.
export { newTestQueryClient, renderInApp } from './render-in-app';
