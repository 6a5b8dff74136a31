// The wizard's progress across its six steps: done steps are ticked, the current one is marked for screen readers.
export const STEPS = ['File', 'Mapping', 'Review', 'Plan', 'Push', 'Results'] as const;
export type StepName = (typeof STEPS)[number];

export function Stepper(props: { current: StepName }) {
  const at = STEPS.indexOf(props.current);
  return (
    <nav aria-label="Import steps">
      <ol class="stepper">
        {STEPS.map((name, i) => (
          <li key={name} class={i < at ? 'done' : i === at ? 'current' : ''} aria-current={i === at ? 'step' : undefined}>
            <span class="dot" aria-hidden="true">{i < at ? '✓' : i + 1}</span>
            <span class="label">{name}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
