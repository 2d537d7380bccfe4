import fc from 'fast-check';
import { referenceRenamer, renameReferencesSlowly } from '../../src/hosts/office/referenceRenamer';
import type { ReferenceRenames } from '../../src/hosts/references';

const renames: ReferenceRenames = {
  sheets: new Map([
    ['pay structure', '~SalaryStructure 2'],
    ['market', "Bob's Market"],
    ["it's", 'Plain'],
  ]),
  tables: new Map([
    ['paystructure', 'SalaryStructure_new'],
    ['merit', 'Merit_2'],
  ]),
};

const TOKENS = [
  "'Pay Structure'!",
  'Market!',
  'market!',
  "'It''s'!",
  "'Pay Structure'",
  "'unclosed",
  'PayStructure[Midpoint]',
  'PayStructure[[#Headers],[Midpoint]]',
  'Merit[',
  'MyMerit[',
  'Merit',
  'Market',
  'Marketing!',
  '"Market!A1"',
  '"say ""Market!"""',
  '"unclosed Market!',
  '$A$1',
  'B2:C9',
  '=',
  '+',
  '(',
  ')',
  ',',
  ' ',
  'SUM',
  'Über!',
  'x.y!',
];

describe('the fast reference renamer', () => {
  test('renames exactly as renameReferences does, on any mix of references, names and text', () => {
    const rename = referenceRenamer(renames);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }), (parts) => {
        const formula = parts.join('');
        expect(rename(formula)).toBe(renameReferencesSlowly(formula, renames));
      }),
      { numRuns: 3000 },
    );
  });

  test('examples', () => {
    const rename = referenceRenamer(renames);
    expect(rename("=INDEX('Pay Structure'!$E$2:$E$11,MATCH(C2,PayStructure[Grade],0))")).toBe("=INDEX('~SalaryStructure 2'!$E$2:$E$11,MATCH(C2,SalaryStructure_new[Grade],0))");
    expect(rename('=Market!A1&"Market!A1"')).toBe("='Bob''s Market'!A1&\"Market!A1\"");
    expect(rename('=Marketing!A1')).toBe('=Marketing!A1');
    expect(referenceRenamer({ sheets: new Map(), tables: new Map() })('=Market!A1')).toBe('=Market!A1');
  });
});
