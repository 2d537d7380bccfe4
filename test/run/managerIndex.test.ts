import { checkConsistency } from '../../src/engine/consistency/consistency';
import { MemoryHost } from '../../src/hosts/memory';
import { compute, readWorkbook } from '../../src/run/pipeline';
import { managerIndexOf, parseWorkbook } from '../../src/workbook/readInputs';
import { sixJobSheets } from '../support/smallWorkbook';

/**
 * The compute stage hands the parser's manager indices to the consistency check instead of looking
 * each Manager ID up again: the check must come out exactly as with its own lookups.
 */
describe("the parser's manager indices in the consistency check", () => {
  const employees = [
    ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Gender', 'Manager ID'],
    ['E1', 'Ann', 'J1', 165000, 1, 'F', null],
    ['E2', 'Bob', 'J2', 166000, 1, 'M', ' e1 '], // other case and spacing; paid above the manager
    ['E3', 'Cid', 'J4', 80000, 0.5, 'M', 'E2'],
    ['e2', 'Dup', 'J4', 80000, 1, 'M', 'E1'], // a duplicate ID (case-insensitively): dropped by the parse
    ['E4', 'Dee', 'J6', 41000, 1, 'F', 'E4'], // their own manager
    ['E5', 'Eve', 'J6', 39000, 1, 'F', 'NOBODY'],
    ['E6', 'Fay', 'J6', 40000, 1, 'F', 'e5'], // paid above E5
    [1234, 'Gus', 'J5', 60000, 1, 'M', 'E3'],
    ['E7', 'Hal', 'J6', 40000, 1, 'M', 1234], // a numeric ID
  ];
  it('resolves each Manager ID as the check would, and the check comes out the same', async () => {
    const { grids, sheetOf } = await readWorkbook(new MemoryHost(sixJobSheets({ employees })));
    const parsed = parseWorkbook(grids, sheetOf);
    const index = managerIndexOf(parsed.inputs.employees);
    expect(parsed.inputs.employees.map((e) => e.id)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', '1234', 'E7']);
    expect(Array.from(index!)).toEqual([-1, 0, 1, 3, -1, 4, 2, 6]);
    expect(managerIndexOf([...parsed.inputs.employees])).toBeUndefined();

    const computed = compute(parsed);
    const { placement, consistency } = computed.fairness!;
    const lookedUp = checkConsistency({ jobs: computed.jobs, structure: computed.structure, placement }, consistency.options);
    expect(consistency).toEqual(lookedUp);
    const c = consistency.compression;
    expect([c.atOrAbove.map((p) => [p.employee.id, p.manager.id]), c.withinMargin.map((p) => [p.employee.id, p.manager.id]), c.withManager, c.managerNotFound]).toEqual([
      [
        ['E2', 'E1'],
        ['E6', 'E5'],
      ],
      [],
      5,
      2,
    ]);
  });
  it('without a Manager ID column there are no indices', async () => {
    const { grids, sheetOf } = await readWorkbook(new MemoryHost(sixJobSheets()));
    expect(managerIndexOf(parseWorkbook(grids, sheetOf).inputs.employees)).toBeUndefined();
  });
});
