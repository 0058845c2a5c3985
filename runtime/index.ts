// Public surface of the Xize runtime. Generated policy code imports from here.
export * from './errors.ts';
export * from './messages.ts';
export * from './money.ts';
export * from './dates.ts';
export * from './calendar.ts';
export * from './validate.ts';
// Evaluation support of generated code (context, lookups, outcome, trace, XR catalog).
export * from './outcome.ts';
export * from './trace.ts';
export * from './lookup.ts';
export { evalMessages, evalText } from './evalMessages.ts';
export { evalSupport } from './support.ts';
export { evaluateModel, createPolicy } from './evaluate.ts';
export { fenStats } from './fenEval.ts';
export { fromJson, toJson } from './convert.ts';
export { display } from './display.ts';
export { formatValue, groupThousands, parseDecimal, type FormatType, type RecordFields } from './format.ts';
export { MissingInput, EvalFailure } from './failures.ts';
export type { PolicyModel, RtType, ValueFn } from './model.ts';
export type { Ctx } from './context.ts';
export { evaluateColumns, evaluateRows, evaluateStream, batchScales, batchJson } from './batch.ts';
export type { BatchCase, BatchColumns, BatchOptions, BatchRow, ColumnarCases } from './batch.ts';
