export * from './parsed-document';
export * from './parse-document';
