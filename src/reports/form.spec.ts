import { cell, Form, levelCells, placeCells, row } from './form';

function grid(widths: number, rows: Form['rows']): Form {
  return { sheetName: 's', title: 't', subtitle: null, columnWidths: new Array(widths).fill(10), rows, landscape: false };
}

describe(placeCells.name, () => {
  it('skips the columns a row span from above still occupies, as an HTML table does', () => {
    const form = grid(3, [
      row(cell('a', { rowSpan: 2 }), cell('b', { colSpan: 2 })),
      row(cell('c'), cell('d')),
    ]);

    expect(placeCells(form).map(({ row: r, col, cell: { value } }) => [value, r, col])).toEqual([
      ['a', 0, 0],
      ['b', 0, 1],
      ['c', 1, 1],
      ['d', 1, 2],
    ]);
  });

  it.each([
    ['a row that is too wide', [row(cell('a'), cell('b', { colSpan: 2 }))], /overflows the grid/],
    ['a row that leaves a column empty', [row(cell('a'))], /does not fill all 2 columns/],
    ['a row span below the last row', [row(cell('a', { rowSpan: 2 }), cell('b'))], /overflows the grid/],
  ])('rejects %s', (_, rows, message) => {
    expect(() => placeCells(grid(2, rows))).toThrow(message);
  });
});

describe(levelCells.name, () => {
  const spans = (cells: ReturnType<typeof levelCells>) =>
    cells.map((leading) => leading.map(({ value, rowSpan }) => `${value}×${rowSpan}`));

  it.each([
    {
      scenario: 'runs of equal 一级 and 二级 merge down',
      levels: [['产出', '数量'], ['产出', '数量'], ['产出', '质量'], ['效益', '社会效益']],
      expected: [['产出×3', '数量×2'], [], ['质量×1'], ['效益×1', '社会效益×1']],
    },
    {
      scenario: 'an equal 二级 under a different 一级 starts a new run',
      levels: [['产出', '成本'], ['成本', '成本']],
      expected: [['产出×1', '成本×1'], ['成本×1', '成本×1']],
    },
    {
      scenario: 'a 一级 that comes back later is a new run, keeping the form order',
      levels: [['产出', '数量'], ['效益', '社会效益'], ['产出', '数量']],
      expected: [['产出×1', '数量×1'], ['效益×1', '社会效益×1'], ['产出×1', '数量×1']],
    },
  ])('$scenario', ({ levels, expected }) => {
    const indicators = levels.map(([level1, level2]) => ({ level1, level2 }));
    expect(spans(levelCells(indicators))).toEqual(expected);
  });

  it('labels each 一级 run from the indicators in it', () => {
    const indicators = [{ level1: '产出', level2: '数量', weight: 20 }, { level1: '产出', level2: '质量', weight: 30 }];

    const [[level1]] = levelCells(indicators, (name, run) => `${name}${run.reduce((sum, { weight }) => sum + weight, 0)}`);

    expect(level1.value).toBe('产出50');
  });
});
