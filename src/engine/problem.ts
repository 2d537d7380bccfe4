/** A problem found in the data or the computation. Parsing never throws on bad data; it returns these. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a problem sits: a sheet and, when known, a cell (A1) or a 1-based row. */
export interface Where {
  sheet: string;
  cell?: string;
  row?: number;
}

export interface Problem {
  severity: Severity;
  /** Stable machine code, e.g. `not-a-number`, `missing-sheet`. */
  code: string;
  /** Human message, starting with the address when there is one: `Employees!D14: salary "abc" is not a number`. */
  message: string;
  where?: Where;
}

/** Origin of an input record, so engine problems can point back at the row it came from. */
export interface SourceRef {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
}

export function formatWhere(where: Where | undefined): string {
  if (!where) return '';
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(where.sheet) ? where.sheet : `'${where.sheet.replace(/'/g, "''")}'`;
  if (where.cell) return `${sheet}!${where.cell}`;
  if (where.row !== undefined) return `${sheet}!${where.row}:${where.row}`;
  return sheet;
}

export function problem(severity: Severity, code: string, text: string, where?: Where): Problem {
  const at = formatWhere(where);
  return { severity, code, message: at ? `${at}: ${text}` : text, where };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
