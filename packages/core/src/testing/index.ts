// Test support, not part of the domain API: `@hipwise/core/testing`.
export { stickFigure, type StickFigureSpec } from './stick-figure.js';
export { mulberry32 } from './mulberry32.js';
