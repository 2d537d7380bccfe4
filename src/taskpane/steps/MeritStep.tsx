import { Body1, Caption1, Subtitle2, useId } from '@fluentui/react-components';
import { AssumptionFields } from '../components/AssumptionFields';
import { SummaryCards } from '../components/SummaryCards';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useMeritStep } from './useMeritStep';

export function MeritStep() {
  const styles = useTaskPaneStyles();
  const step = useMeritStep();
  const distributionId = useId('distribution');
  return (
    <div className={styles.panel}>
      <Body1>Ratings from appraisal scores; the merit matrix calibrated to the budget; every employee&apos;s increase.</Body1>
      {step.unavailable && <Caption1 className={styles.muted}>{step.unavailable}</Caption1>}
      {step.merit && (
        <>
          <SummaryCards label="Merit calibration" cards={step.cards} />
          <section aria-labelledby={distributionId}>
            <Subtitle2 as="h3" id={distributionId} className={styles.heading}>
              Rating distribution
            </Subtitle2>
            <table className={styles.table} aria-labelledby={distributionId}>
              <thead>
                <tr>
                  <th scope="col">Rating</th>
                  <th scope="col">Employees</th>
                  <th scope="col">Share</th>
                  <th scope="col">Target</th>
                </tr>
              </thead>
              <tbody>
                {step.merit.distribution.map((d) => (
                  <tr key={d.rating}>
                    <th scope="row">{d.rating}</th>
                    <td>{d.count.toLocaleString('en')}</td>
                    <td>{(d.share * 100).toFixed(1)}%</td>
                    <td>{d.target === undefined ? '–' : `${(d.target * 100).toFixed(1)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <AssumptionFields title="Merit assumptions" parameters={step.parameters} />
    </div>
  );
}
