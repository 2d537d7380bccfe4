import { Body1, Button, Caption1, Subtitle2, useId } from '@fluentui/react-components';
import { AssumptionFields } from '../components/AssumptionFields';
import { ProblemList } from '../components/ProblemList';
import { RangeChart } from '../components/RangeChart';
import { SummaryCards } from '../components/SummaryCards';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useStructureStep } from './useStructureStep';

const money = (v: number) => v.toLocaleString('en');

export function StructureStep() {
  const styles = useTaskPaneStyles();
  const step = useStructureStep();
  const gradesId = useId('grades');
  return (
    <div className={styles.panel}>
      <Body1>Prices the jobs, fits the pay line, builds the grades and ranges, and slots every job.</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={step.busy} onClick={step.build}>
          Build structure
        </Button>
      </div>
      {step.stale && <Caption1 className={styles.warning}>Assumptions changed since the last build: build again to see their effect.</Caption1>}
      {step.summary && (
        <>
          <SummaryCards label="Structure summary" cards={step.cards} />
          {step.summary.payLine && (
            <Caption1 className={styles.muted}>
              Pay line ({step.summary.payLine.model}): a = {step.summary.payLine.a.toPrecision(6)}, b = {step.summary.payLine.b.toPrecision(6)}
            </Caption1>
          )}
          {step.chart && <RangeChart data={step.chart} currency={step.summary.currency} />}
          <section aria-labelledby={gradesId}>
            <Subtitle2 as="h3" id={gradesId} className={styles.heading}>
              Grades ({step.summary.currency})
            </Subtitle2>
            <table className={styles.table} aria-labelledby={gradesId}>
              <thead>
                <tr>
                  <th scope="col">Grade</th>
                  <th scope="col">Minimum</th>
                  <th scope="col">Midpoint</th>
                  <th scope="col">Maximum</th>
                  <th scope="col">Jobs</th>
                  <th scope="col">Employees</th>
                </tr>
              </thead>
              <tbody>
                {step.summary.grades.map((g) => (
                  <tr key={g.grade}>
                    <th scope="row">{g.grade}</th>
                    <td>{money(g.minimum)}</td>
                    <td>{money(g.midpoint)}</td>
                    <td>{money(g.maximum)}</td>
                    <td>{g.jobs}</td>
                    <td>{g.employees}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <ProblemList problems={step.problems} onSelect={step.select} canSelect={step.canSelect} />
      <AssumptionFields title="Structure assumptions" parameters={step.parameters} />
    </div>
  );
}
