import { describeAxeChecks } from "./axe-pages.ts";

describeAxeChecks("light");
