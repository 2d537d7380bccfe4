import { Body1, Caption1, FluentProvider, Subtitle2, Text, Title2, mergeClasses, useId, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import type { EngineClient } from './engine/engineClient';
import { describeHost, type HostInfo, type HostStatus } from './hostStatus';
import type { TaskPaneWorkbook } from './taskPaneWorkbook';
import { useAppStyles } from './useAppStyles';
import { Workflow } from './Workflow';
import { WORKFLOW_STEPS } from './workflow';
import { WorkflowController } from './controller/controller';
import { useWorkflowState, WorkflowProvider } from './controller/WorkflowContext';

export type AppProps = {
  /** Fluent theme; index.tsx derives it from Office's theme when the host reports one. */
  theme?: Theme;
  /** Where the pane runs; defaults to a plain browser (no Office). */
  host?: HostInfo;
} & (
  | { workbook?: undefined; engine?: undefined }
  | {
      /** The workbook to work on (Excel's, or the preview's); without one the pane explains the workflow. */
      workbook: TaskPaneWorkbook;
      /** Where the engine runs: a Web Worker in the add-in and the preview, this thread in tests. */
      engine: EngineClient;
    }
);

const NO_HOST: HostInfo = { kind: 'none' };

function StatusLine({ status }: { status: HostStatus }) {
  const styles = useAppStyles();
  const className = mergeClasses(
    styles.status,
    status.intent === 'warning' && styles.statusWarning,
    status.intent === 'success' && styles.statusSuccess,
  );
  return (
    <Text as="p" role="status" aria-live="polite" className={className}>
      {status.message}
    </Text>
  );
}

/** The workflow's latest message, or where the pane runs. */
function WorkflowStatus({ host }: { host: HostStatus }) {
  const { message } = useWorkflowState();
  return <StatusLine status={message ? { intent: message.intent === 'error' ? 'warning' : message.intent, message: message.text } : host} />;
}

function Overview() {
  const styles = useAppStyles();
  const stepsHeadingId = useId('steps-heading');
  return (
    <section aria-labelledby={stepsHeadingId}>
      <Subtitle2 as="h2" id={stepsHeadingId} className={styles.heading}>
        Workflow
      </Subtitle2>
      <ol className={styles.steps}>
        {WORKFLOW_STEPS.map((step) => (
          <li key={step.id} className={styles.step}>
            <Text weight="semibold">
              {step.title}
              {step.optional ? ' (optional)' : ''}
            </Text>
            <Caption1 className={styles.summary}>{step.summary}</Caption1>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The task pane: with a workbook, the workflow's steps; without one, what the add-in does and whether Excel is ready. */
export function App({ theme = webLightTheme, host = NO_HOST, workbook, engine }: AppProps) {
  const styles = useAppStyles();
  const status = describeHost(host);
  const controller = useMemo(() => (workbook && engine ? new WorkflowController(workbook, engine) : undefined), [workbook, engine]);
  useEffect(() => {
    void controller?.refresh();
  }, [controller]);

  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" alt="" width={32} height={32} />
          <Title2 as="h1" className={styles.heading}>
            Salary Structure
          </Title2>
        </header>
        {controller ? (
          <WorkflowProvider controller={controller}>
            <Workflow />
            <WorkflowStatus host={status} />
          </WorkflowProvider>
        ) : (
          <>
            <Body1 as="p">
              Design pay grades and ranges from your job, market and employee data. Results are written to the workbook as tables with live formulas; your
              data never leaves it.
            </Body1>
            <Overview />
            <StatusLine status={status} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
