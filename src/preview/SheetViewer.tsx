import { Button, Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PreviewWorkbook } from './previewWorkbook';
import { useSheetViewer } from './useSheetViewer';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, height: '100%', overflow: 'hidden' },
  tabs: { overflowX: 'auto', flexShrink: 0 },
  toolbar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  formulaBar: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    minHeight: '24px',
  },
  address: { minWidth: '56px', color: tokens.colorNeutralForeground3 },
  formula: { whiteSpace: 'pre', overflowX: 'auto' },
  scroller: { overflow: 'auto', flexGrow: 1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  grid: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th': { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, position: 'sticky', top: 0 },
    '& th, & td': { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `1px ${tokens.spacingHorizontalXS}`, whiteSpace: 'nowrap', maxWidth: '220px', overflow: 'hidden', textOverflow: 'ellipsis' },
    '& td': { cursor: 'cell' },
  },
  rowHeader: { position: 'sticky', left: 0 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
});

/** A simple view of the preview's workbook: sheet tabs, a formula bar, the cells, and a download. */
export function SheetViewer({ workbook }: { workbook: PreviewWorkbook }) {
  const styles = useStyles();
  const view = useSheetViewer(workbook);
  return (
    <section className={styles.root} aria-label="Workbook">
      <div className={styles.toolbar}>
        <Button onClick={view.download}>Download .xlsx</Button>
        <Caption1>{view.range}</Caption1>
      </div>
      <div className={styles.tabs}>
        <TabList size="small" selectedValue={view.active} onTabSelect={(_, d) => view.show(String(d.value))} aria-label="Sheets">
          {view.sheets.map((s) => (
            <Tab key={s.name} value={s.name} title={s.owned ? "The add-in's sheet (replaced on every run)" : 'Your sheet'}>
              {s.owned ? `${s.name} ◆` : s.name}
            </Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.formulaBar} role="group" aria-label="Formula bar">
        <span className={styles.address}>{view.address}</span>
        <span className={styles.formula} data-testid="formula">
          {view.formula}
        </span>
      </div>
      <div className={styles.scroller}>
        <table className={styles.grid} aria-label={`Sheet ${view.active}`}>
          <thead>
            <tr>
              <th scope="col" aria-label="Row" />
              {view.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row" className={styles.rowHeader}>
                  {r.row}
                </th>
                {r.cells.map((c) => (
                  <td key={c.col} className={mergeClasses(c.selected && styles.selected)} aria-current={c.selected || undefined} onClick={() => view.select(r.row, c.col)}>
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
