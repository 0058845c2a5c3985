// What hover and completion read: the latest symbols and the selected case's values.
import type { SymbolInfo } from './protocol.ts';

export const store = {
  symbols: [] as SymbolInfo[],
  /** name -> value in the selected case (outputs, parameters with their date, inputs) */
  caseValues: new Map<string, string>(),
  caseLabel: '',
};
