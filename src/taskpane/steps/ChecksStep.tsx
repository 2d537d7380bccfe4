import { Body1, Button, Caption1, Card, CardHeader, Subtitle2, Text, mergeClasses, useId } from '@fluentui/react-components';
import { AssumptionFields } from '../components/AssumptionFields';
import { SummaryCards } from '../components/SummaryCards';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useChecksStep } from './useChecksStep';

export function ChecksStep() {
  const styles = useTaskPaneStyles();
  const step = useChecksStep();
  const tableId = useId('consistency');
  const statusClass = { OK: styles.ok, Warning: styles.warning, Fail: styles.fail } as const;
  return (
    <div className={styles.panel}>
      <Body1>Checks the structure for consistency and sets every employee against their range.</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={step.busy} onClick={step.runChecks}>
          Run checks
        </Button>
      </div>
      {step.checks && (
        <>
          <SummaryCards label="Employees against their ranges" cards={step.cards} />
          <section aria-labelledby={tableId}>
            <Subtitle2 as="h3" id={tableId} className={styles.heading}>
              Consistency
            </Subtitle2>
            <table className={styles.table} aria-labelledby={tableId}>
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Value</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {step.checks.consistency.map((c) => (
                  <tr key={c.check}>
                    <th scope="row">
                      {c.check}
                      <br />
                      <Caption1 className={styles.muted}>{c.detail}</Caption1>
                    </th>
                    <td>{c.value}</td>
                    <td className={mergeClasses(statusClass[c.status])}>{c.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <Card size="small" appearance="outline" aria-label="Pay equity">
        <CardHeader header={<Text weight="semibold">Pay equity</Text>} description={<Caption1>Gender pay gaps (men − women) / men: unadjusted, regression-adjusted, by category of workers</Caption1>} />
        {step.equityCards.length > 0 && <SummaryCards label="Pay equity figures" cards={step.equityCards} />}
        {step.equityUnavailable && <Caption1 className={styles.muted}>{step.equityUnavailable}</Caption1>}
        {!step.checks && <Caption1 className={styles.muted}>Run the checks to see the gaps; the Pay Equity sheet has the detail.</Caption1>}
      </Card>
      <AssumptionFields title="Checks assumptions" parameters={step.parameters} />
    </div>
  );
}
