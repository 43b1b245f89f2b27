export * from './targets/target';
export * from './taxonomy/indicator-levels';
export * from './review/finding';
