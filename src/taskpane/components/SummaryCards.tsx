import { Caption1, Card } from '@fluentui/react-components';
import { useTaskPaneStyles } from '../useTaskPaneStyles';

export interface SummaryCard {
  label: string;
  value: string;
  note?: string;
}

/** Headline figures as small cards, each a labelled group. */
export function SummaryCards({ cards, label }: { cards: readonly SummaryCard[]; label: string }) {
  const styles = useTaskPaneStyles();
  return (
    <div role="list" aria-label={label} className={styles.cards}>
      {cards.map((c) => (
        <Card key={c.label} role="listitem" size="small" appearance="filled-alternative" aria-label={`${c.label}: ${c.value}`}>
          <Caption1>{c.label}</Caption1>
          <span className={styles.cardValue}>{c.value}</span>
          {c.note && <Caption1 className={styles.muted}>{c.note}</Caption1>}
        </Card>
      ))}
    </div>
  );
}
