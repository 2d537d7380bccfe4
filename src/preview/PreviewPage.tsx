import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import type { EngineClient } from '../taskpane/engine/engineClient';
import type { PreviewWorkbook } from './previewWorkbook';
import { SheetViewer } from './SheetViewer';

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateColumns: '380px minmax(0, 1fr)', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  pane: { overflowY: 'auto', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  viewer: { padding: tokens.spacingHorizontalM, minWidth: 0, overflow: 'hidden' },
});

/** The real task pane beside a viewer of the in-memory workbook it works on. */
export function PreviewPage({ workbook, engine }: { workbook: PreviewWorkbook; engine: EngineClient }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <aside className={styles.pane} aria-label="Task pane">
          <App host={{ kind: 'preview' }} workbook={workbook} engine={engine} />
        </aside>
        <div className={styles.viewer}>
          <SheetViewer workbook={workbook} />
        </div>
      </div>
    </FluentProvider>
  );
}
