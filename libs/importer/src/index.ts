export * from './parsed-document';
