export * from './targets/target';
