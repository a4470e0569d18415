import { describeProposalAxeChecks } from "./proposal-axe.ts";

describeProposalAxeChecks("light");
