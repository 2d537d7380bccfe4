import { Body1, Button, Caption1, Subtitle2, Text, useId } from '@fluentui/react-components';
import { ProblemList } from '../components/ProblemList';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useDataStep } from './useDataStep';

export function DataStep() {
  const styles = useTaskPaneStyles();
  const step = useDataStep();
  const foundId = useId('found');
  return (
    <div className={styles.panel}>
      <Body1>The input sheets are found by name or synonym; every problem is listed with its cell.</Body1>
      <section aria-labelledby={foundId}>
        <Subtitle2 as="h3" id={foundId} className={styles.heading}>
          Inputs
        </Subtitle2>
        <ul className={styles.list}>
          {step.found.map((f) => (
            <li key={f.key} className={styles.foundItem}>
              <Text>
                {f.label}
                {f.required ? '' : ' (optional)'}
              </Text>
              <Caption1 className={f.sheet ? undefined : f.required ? styles.fail : styles.muted}>
                {f.sheet ? `${f.sheet}${f.rows !== undefined ? `: ${f.rows.toLocaleString('en')} rows` : ''}` : f.required ? 'missing' : 'none'}
              </Caption1>
            </li>
          ))}
        </ul>
        {!step.loaded && <Caption1 className={styles.muted}>Reading the workbook…</Caption1>}
      </section>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!step.canLoadSample} onClick={step.loadSample}>
          Load sample
        </Button>
        <Button disabled={step.busy} onClick={step.createInputSheets}>
          Create empty input sheets
        </Button>
        <Button appearance="subtle" disabled={step.busy} onClick={step.refresh}>
          Check again
        </Button>
      </div>
      {step.sampleHint && <Caption1 className={styles.muted}>{step.sampleHint}</Caption1>}
      <ProblemList problems={step.problems} onSelect={step.select} canSelect={step.canSelect} />
    </div>
  );
}
