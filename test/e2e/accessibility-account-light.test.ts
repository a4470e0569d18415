import { describeAccountAxeChecks } from "./account-axe.ts";

describeAccountAxeChecks("light");
