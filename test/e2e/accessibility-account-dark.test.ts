import { describeAccountAxeChecks } from "./account-axe.ts";

describeAccountAxeChecks("dark");
