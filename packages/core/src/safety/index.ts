export * from './pain-rising.js';
export * from './rescreen.js';
