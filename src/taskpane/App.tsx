import {
  Body1,
  Caption1,
  FluentProvider,
  Subtitle2,
  Text,
  Title2,
  mergeClasses,
  useId,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { describeHost, type HostInfo } from './hostStatus';
import { useAppStyles } from './useAppStyles';
import { WORKFLOW_STEPS } from './workflow';

export interface AppProps {
  /** Fluent theme; index.tsx derives it from Office's theme when the host reports one. */
  theme?: Theme;
  /** Where the pane runs; defaults to a plain browser (no Office). */
  host?: HostInfo;
}

const NO_HOST: HostInfo = { kind: 'none' };

/** The task pane's first screen: what the add-in does, its steps, and whether Excel is ready. */
export function App({ theme = webLightTheme, host = NO_HOST }: AppProps) {
  const styles = useAppStyles();
  const stepsHeadingId = useId('steps-heading');
  const status = describeHost(host);
  const statusClass = mergeClasses(
    styles.status,
    status.intent === 'warning' && styles.statusWarning,
    status.intent === 'success' && styles.statusSuccess,
  );

  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" alt="" width={32} height={32} />
          <Title2 as="h1" className={styles.heading}>
            Salary Structure
          </Title2>
        </header>
        <Body1 as="p">
          Design pay grades and ranges from your job, market and employee data. Results are written to the
          workbook as tables with live formulas; your data never leaves it.
        </Body1>
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
        <Text as="p" role="status" aria-live="polite" className={statusClass}>
          {status.message}
        </Text>
      </main>
    </FluentProvider>
  );
}
