import { renameReferences } from '../../src/hosts/references';
import { nextFreeSheetName, sanitizeSheetName, sheetNameProblem } from '../../src/hosts/sheetNames';

const renames = {
  sheets: new Map([
    ['pay structure', 'Pay Structure (2)'],
    ['budget', 'Budget (2)'],
  ]),
  tables: new Map([['paystructure', 'PayStructure_2']]),
};

describe('renameReferences', () => {
  it.each([
    ["='Pay Structure'!$C$2*2", "='Pay Structure (2)'!$C$2*2"],
    ['=Budget!A1+MyBudget!A1', "='Budget (2)'!A1+MyBudget!A1"],
    ['=SUM(PayStructure[Midpoint])', '=SUM(PayStructure_2[Midpoint])'],
    [`=IF(A1="'Pay Structure'!A1","Budget!",Budget)`, `=IF(A1="'Pay Structure'!A1","Budget!",Budget)`],
    ["='It''s'!A1", "='It''s'!A1"],
  ])('%s → %s', (formula, expected) => {
    expect(renameReferences(formula, renames)).toBe(expected);
  });
});

describe('sheet names', () => {
  it('applies Excel rules', () => {
    expect(sheetNameProblem('Pay Structure')).toBeUndefined();
    expect(sheetNameProblem('A'.repeat(32))).toMatch(/31/);
    expect(sheetNameProblem('a/b')).toBeDefined();
    expect(sheetNameProblem("'quoted")).toBeDefined();
    expect(sheetNameProblem('history')).toBeDefined();
    expect(sanitizeSheetName(" 'Q1: [draft]/*? ")).toBe('Q1   draft');
  });

  it('finds the next free "(n)" name within 31 characters', () => {
    const taken = new Set(['pay structure (2)']);
    expect(nextFreeSheetName('Pay Structure', (n) => taken.has(n.toLowerCase()))).toBe('Pay Structure (3)');
    expect(nextFreeSheetName('X'.repeat(31), () => false)).toBe(`${'X'.repeat(27)} (2)`);
  });
});
