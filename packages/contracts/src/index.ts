export * from './audit.ts';
export * from './auth.ts';
export * from './errors.ts';
export * from './org-units.ts';
export * from './permissions.ts';
export * from './text.ts';
export * from './users.ts';
