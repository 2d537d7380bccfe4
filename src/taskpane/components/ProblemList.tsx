import { Badge, Button, Caption1, Link, Subtitle2, useId } from '@fluentui/react-components';
import type { Problem, Where } from '../../engine/problem';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useProblemList } from './useProblemList';

export interface ProblemListProps {
  problems: readonly Problem[];
  onSelect: (where: Where) => void;
  /** Whether a problem's place exists to be shown (a missing sheet does not). */
  canSelect?: (where: Where) => boolean;
  title?: string;
}

/** Every problem, by cell; a problem with an address is a link that selects its cell. */
export function ProblemList({ problems, onSelect, canSelect = () => true, title = 'Problems' }: ProblemListProps) {
  const styles = useTaskPaneStyles();
  const headingId = useId('problems');
  const list = useProblemList(problems);
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {title} ({list.summary})
      </Subtitle2>
      <ul className={styles.list}>
        {list.shown.map((p, i) => (
          <li key={`${p.code}-${i}`} className={styles.problem}>
            <Badge appearance="tint" color={p.severity === 'error' ? 'danger' : p.severity === 'warning' ? 'warning' : 'informative'} size="medium">
              {p.severity}
            </Badge>
            {p.where && canSelect(p.where) ? (
              <Link as="button" className={styles.problemText} onClick={() => onSelect(p.where!)}>
                {p.message}
              </Link>
            ) : (
              <Caption1 className={styles.problemText}>{p.message}</Caption1>
            )}
          </li>
        ))}
      </ul>
      {list.hidden > 0 && (
        <Button appearance="subtle" size="small" onClick={list.showAll}>
          Show {list.hidden} more
        </Button>
      )}
    </section>
  );
}
