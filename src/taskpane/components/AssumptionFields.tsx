import { Field, Input, Select, Subtitle2, useId } from '@fluentui/react-components';
import type { ParamDef } from '../../workbook/assumptions';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { useAssumptionField } from './useAssumptionField';

function AssumptionField({ def }: { def: ParamDef }) {
  const field = useAssumptionField(def);
  const validation = field.error ? { validationState: 'error' as const, validationMessage: field.error } : {};
  return (
    <Field label={def.name} hint={def.description} {...validation}>
      {def.kind === 'choice' ? (
        <Select value={field.text} disabled={field.disabled} onChange={(_, data) => field.choose(data.value)}>
          {def.choices!.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Select>
      ) : (
        <Input
          value={field.text}
          disabled={field.disabled}
          onChange={(_, data) => field.change(data.value)}
          onBlur={() => void field.commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void field.commit();
          }}
        />
      )}
    </Field>
  );
}

/** A step's parameters, bound to the Assumptions sheet. */
export function AssumptionFields({ title, parameters }: { title: string; parameters: readonly ParamDef[] }) {
  const styles = useTaskPaneStyles();
  const headingId = useId('assumptions');
  return (
    <section aria-labelledby={headingId} className={styles.fields}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      {parameters.map((def) => (
        <AssumptionField key={def.key} def={def} />
      ))}
    </section>
  );
}
