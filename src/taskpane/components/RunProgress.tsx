import { Button, Caption1, ProgressBar, Text } from '@fluentui/react-components';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useWorkflowController, useWorkflowState } from '../controller/WorkflowContext';

/** The running operation: what it is doing, how far it got, and a way to stop it. */
export function RunProgress() {
  const styles = useTaskPaneStyles();
  const controller = useWorkflowController();
  const { busy } = useWorkflowState();
  if (!busy) return null;
  return (
    <div className={styles.progress} aria-busy="true">
      <Text weight="semibold">{busy.label}</Text>
      <div className={styles.progressRow}>
        <ProgressBar className={styles.grow} value={busy.fraction} max={1} thickness="large" aria-label={busy.label} aria-valuetext={`${Math.round(busy.fraction * 100)}%: ${busy.stage}`} />
        <Button size="small" onClick={() => controller.cancel()}>
          Cancel
        </Button>
      </div>
      <Caption1 className={styles.muted}>{busy.stage}</Caption1>
    </div>
  );
}
