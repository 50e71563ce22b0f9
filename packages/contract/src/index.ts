export * from './errors.js';
export * from './i18n.js';
export * from './auth.js';
export * from './health.js';
export * from './competition.js';
export * from './settings.js';
export * from './entrants.js';
export * from './rounds.js';
