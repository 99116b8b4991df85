export * from './catalogue';
export * from './envelope';
export * from './events';
export * from './money';
export * from './asyncapi';
