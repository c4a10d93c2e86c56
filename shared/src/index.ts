export * from './version';
export * from './errors';
export * from './primitives';
export * from './records';
export * from './tail';
export * from './client-messages';
export * from './results';
export * from './server-messages';
