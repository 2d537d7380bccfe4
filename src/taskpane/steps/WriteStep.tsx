import { Body1, Button, Caption1, Subtitle2, useId } from '@fluentui/react-components';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useWriteStep } from './useWriteStep';

export function WriteStep() {
  const styles = useTaskPaneStyles();
  const step = useWriteStep();
  const writtenId = useId('written');
  return (
    <div className={styles.panel}>
      <Body1>
        Writes the output sheets as Excel tables with live formulas, formats and charts. They replace the add-in&apos;s earlier sheets; your own sheets are never
        changed, and nothing is written unless the whole run succeeds.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={step.busy} onClick={step.write}>
          Write to workbook
        </Button>
      </div>
      {step.report && (
        <section aria-labelledby={writtenId}>
          <Subtitle2 as="h3" id={writtenId} className={styles.heading}>
            Written
          </Subtitle2>
          <ul className={styles.list}>
            {step.report.written.map((w) => (
              <li key={w.sheet}>{w.sheet === w.spec ? w.sheet : `${w.sheet} (for ${w.spec})`}</li>
            ))}
          </ul>
          {step.report.notes.map((n) => (
            <Caption1 key={n} as="p" className={styles.muted}>
              {n}
            </Caption1>
          ))}
        </section>
      )}
    </div>
  );
}
