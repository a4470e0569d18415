import { describeAxeChecks } from "./axe-pages.ts";

describeAxeChecks("dark");
