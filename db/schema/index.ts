export * from './enums';
export * from './filings';
export * from './remediation';
export * from './outbox';
export * from './review';
export * from './jobs';
export * from './storage';
export * from './contacts';
