// The first-run checklist a corporation's admin sees on their landing page until it is done:
// create a neighbourhood → brand your site → invite residents. Each step ticks itself from real state.

export const FIRST_RUN_STEPS = ["neighbourhood", "branding", "invite"] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

export interface FirstRunState {
  /** A neighbourhood exists (archived ones count: the step was done). */
  hasNeighbourhood: boolean;
  /** The branding was saved at least once (an audit-log row `settings.branding`). */
  hasBranding: boolean;
  /** An invite exists. */
  hasInvite: boolean;
}

export interface FirstRunChecklist {
  steps: { step: FirstRunStep; done: boolean }[];
  complete: boolean;
}

export function firstRunChecklist(state: FirstRunState): FirstRunChecklist {
  const done: Record<FirstRunStep, boolean> = { neighbourhood: state.hasNeighbourhood, branding: state.hasBranding, invite: state.hasInvite };
  const steps = FIRST_RUN_STEPS.map((step) => ({ step, done: done[step] }));
  return { steps, complete: steps.every((step) => step.done) };
}
