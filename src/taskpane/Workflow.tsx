import { Tab, TabList, useId } from '@fluentui/react-components';
import { useState, type ComponentType } from 'react';
import { RunProgress } from './components/RunProgress';
import { ChecksStep } from './steps/ChecksStep';
import { DataStep } from './steps/DataStep';
import { MeritStep } from './steps/MeritStep';
import { StructureStep } from './steps/StructureStep';
import { WriteStep } from './steps/WriteStep';

/** The pane's steps (PRODUCT.md, "The workflow"), in order. */
export const PANE_STEPS: readonly { id: string; title: string; Panel: ComponentType }[] = [
  { id: 'data', title: 'Data', Panel: DataStep },
  { id: 'structure', title: 'Structure', Panel: StructureStep },
  { id: 'checks', title: 'Checks', Panel: ChecksStep },
  { id: 'merit', title: 'Merit', Panel: MeritStep },
  { id: 'write', title: 'Write', Panel: WriteStep },
];

/** The steps as tabs (arrow keys move between them), the running operation, and the current step. */
export function Workflow() {
  const [selected, setSelected] = useState(PANE_STEPS[0].id);
  const base = useId('step');
  const step = PANE_STEPS.find((s) => s.id === selected) ?? PANE_STEPS[0];
  return (
    <>
      <TabList size="small" selectedValue={selected} onTabSelect={(_, data) => setSelected(String(data.value))} aria-label="Workflow steps">
        {PANE_STEPS.map((s) => (
          <Tab key={s.id} value={s.id} id={`${base}-tab-${s.id}`} aria-controls={`${base}-panel-${s.id}`}>
            {s.title}
          </Tab>
        ))}
      </TabList>
      <RunProgress />
      <div role="tabpanel" id={`${base}-panel-${step.id}`} aria-labelledby={`${base}-tab-${step.id}`}>
        <step.Panel />
      </div>
    </>
  );
}
