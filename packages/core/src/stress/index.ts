export * from './pacer.js';
export * from './contract.js';
