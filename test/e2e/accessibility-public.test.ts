import { OPEN_TERM, PAST_TERM } from "../helpers/web-server.ts";
import { describePageChecks, type PageState } from "./axe-pages.ts";

/** Every public page, in the states where it looks different. */
const PUBLIC_PAGES: PageState<undefined, "visitor">[] = [
  { name: "programs", path: () => "/" },
  { name: "program", path: () => `/programs/${OPEN_TERM.program}` },
  { name: "term", path: () => `/terms/${OPEN_TERM.term}`, phone: true },
  { name: "complete term", path: () => `/terms/${PAST_TERM.term}` },
  { name: "catalog", path: () => `/terms/${OPEN_TERM.term}/projects` },
  { name: "catalog of one skill", path: () => `/terms/${OPEN_TERM.term}/projects?skill=go`, phone: true },
  {
    name: "catalog with its filters open",
    path: () => `/terms/${OPEN_TERM.term}/projects?skill=go`,
    act: async (page) => {
      await page.getByRole("button", { name: /Show filters/ }).click();
      await page.getByRole("button", { name: /Hide filters/ }).waitFor();
    },
    phoneOnly: true,
  },
  { name: "empty catalog", path: () => `/terms/${OPEN_TERM.term}/projects?q=zzzz-nothing` },
  { name: "empty catalog of one skill", path: () => `/terms/${OPEN_TERM.term}/projects?q=zzzz-nothing&skill=go` },
  { name: "paged catalog", path: () => `/terms/${PAST_TERM.term}/projects?page=2` },
  { name: "last page of a catalog of one skill", path: () => `/terms/${PAST_TERM.term}/projects?skill=go&page=2` },
  { name: "project", path: () => `/projects/${OPEN_TERM.term}-harbor-cli`, phone: true },
  { name: "closed project", path: () => `/projects/${PAST_TERM.term}-harbor-cli` },
  { name: "not found", path: () => "/no/such/page" },
];

describePageChecks({ title: "public pages", screenshotPrefix: "", pages: PUBLIC_PAGES, prepare: async () => undefined });
