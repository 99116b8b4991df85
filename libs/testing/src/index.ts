export * from './infrastructure';
export * from './test-bus';
export * from './test-service';
export * from './http';
export * from './ui-app';
export * from './booking-driver';
