export * from './kit.script';
export * from './page-shell';
export * from './ui-response';
export * from './ui.styles';
export * from './ui.controller';
