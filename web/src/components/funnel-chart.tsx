import type { FunnelStepCount } from "../../../src/schemas/term-report.ts";

/** The height of one step of the chart: its label's line and its bar, in px. */
const ROW = 44;
const BAR = 14;

/** "Proposals submitted 12, Projects accepted 9, …": the chart in words, for a screen reader. */
export function funnelInWords(steps: readonly FunnelStepCount[]): string {
  return steps.map((step) => `${step.label} ${step.count}`).join(", ");
}

/**
 * A term's funnel as horizontal bars, one per step, labelled with the step and its number, each
 * as long as its count against the largest. Drawn as inline SVG whose lengths are percentages, so
 * it fits any width with its text at the page's size; its colours are the theme's.
 */
export function FunnelChart({ steps, title }: { steps: readonly FunnelStepCount[]; title: string }) {
  const largest = Math.max(1, ...steps.map((step) => step.count));
  return (
    <svg className="funnel-chart" width="100%" height={steps.length * ROW} role="img" aria-label={`${title}: ${funnelInWords(steps)}.`}>
      {steps.map((step, index) => {
        const top = index * ROW;
        const share = (step.count / largest) * 100;
        return (
          <g key={step.step}>
            <text className="funnel-label" x="0" y={top + 16}>
              {step.label}
            </text>
            <text className="funnel-count" x="100%" y={top + 16} textAnchor="end">
              {step.count}
            </text>
            <rect className="funnel-track" x="0" y={top + 22} width="100%" height={BAR} rx="3" />
            {step.count > 0 ? <rect className="funnel-bar" x="0" y={top + 22} width={`${Math.max(share, 0.5)}%`} height={BAR} rx="3" /> : null}
          </g>
        );
      })}
    </svg>
  );
}
