export * from './sitting-photos.js';
export * from './scene.js';
export * from './scale-accuracy.js';
