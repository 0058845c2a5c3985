// Public surface of the Xize runtime. Generated policy code imports from here.
export * from './errors.ts';
export * from './messages.ts';
export * from './money.ts';
export * from './dates.ts';
export * from './calendar.ts';
export * from './validate.ts';
