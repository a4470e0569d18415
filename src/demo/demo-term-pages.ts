import { DateTime } from "luxon";

// A demo program made up for Cohort: every organization, project and person below is
// invented (emails use the reserved example.org domain). Its terms are placed around the
// day the demo is created, so that every page has something live to show.

const ZONE = "America/Los_Angeles";

interface DemoProject {
  title: string;
  description: string;
  outcome: string;
  skills: string;
  mentors: Array<[name: string, handle: string]>;
  issue: string;
}

const ORGANIZATIONS: Array<{ name: string; projects: DemoProject[] }> = [
  {
    name: "Lanternfish",
    projects: [
      {
        title: "Trace sampling that adapts to traffic",
        description:
          "Lanternfish collects traces from services. Today the sampling rate is fixed, so quiet services lose their rare errors and busy ones flood storage. Design and build **adaptive sampling** that keeps every error trace and a steady share of the rest.",
        outcome: "An adaptive sampler behind a feature flag, with benchmarks and a design document.",
        skills: "Go, distributed tracing, OpenTelemetry",
        mentors: [
          ["Ada Okafor", "demo-ada-okafor"],
          ["Jun Watanabe", "demo-jun-watanabe"],
        ],
        issue: "https://github.com/example-lanternfish/lanternfish/issues/1204",
      },
      {
        title: "A query builder for the trace explorer",
        description:
          "People search traces by typing a query language they have to learn first. Build a visual query builder in the web UI that writes the query for them and teaches the syntax as they go.",
        outcome: "A query builder component, tested, with keyboard support and documentation.",
        skills: "TypeScript, React, accessibility",
        mentors: [["Priya Raman", "demo-priya-raman"]],
        issue: "https://github.com/example-lanternfish/explorer/issues/88",
      },
    ],
  },
  {
    name: "Tidewater",
    projects: [
      {
        title: "Online resizing of volumes",
        description:
          "Tidewater provisions block storage for Kubernetes. Growing a volume today needs the pod to restart. Implement online expansion for the filesystem drivers that support it.",
        outcome: "Volumes grow without restarting the pod on ext4 and xfs, with end-to-end tests.",
        skills: "Golang, Kubernetes, Linux storage",
        mentors: [
          ["Mateo Alvarez", "demo-mateo-alvarez"],
          ["Ada Okafor", "demo-ada-okafor"],
        ],
        issue: "https://github.com/example-tidewater/tidewater/issues/3310",
      },
      {
        title: "Backup verification reports",
        description:
          "Backups that are never restored are hopes, not backups. Add a job that restores a sample of each backup into a scratch namespace and reports what it found.",
        outcome: "A verification job with a report page and alerts on failure.",
        skills: "Go, Kubernetes operators, PostgreSQL",
        mentors: [["Lena Fischer", "demo-lena-fischer"]],
        issue: "https://github.com/example-tidewater/tidewater/issues/3402",
      },
    ],
  },
  {
    name: "Kestrel",
    projects: [
      {
        title: "eBPF flow logs for network policies",
        description:
          "Kestrel enforces network policies with eBPF. When a policy drops a packet, nobody can see why. Emit structured flow logs from the datapath and show them next to the policy that matched.",
        outcome: "Flow logs with policy attribution, a CLI to follow them, and documentation.",
        skills: "C, eBPF, Go, networking",
        mentors: [
          ["Sam Adeyemi", "demo-sam-adeyemi"],
          ["Jun Watanabe", "demo-jun-watanabe"],
        ],
        issue: "https://github.com/example-kestrel/kestrel/issues/781",
      },
      {
        title: "IPv6-only cluster tests",
        description:
          "Kestrel claims IPv6 support, yet its tests run on dual-stack clusters only. Add an IPv6-only test lane to continuous integration and fix what breaks.",
        outcome: "A green IPv6-only CI lane and the fixes it needed.",
        skills: "Go, IPv6, GitHub Actions",
        mentors: [["Sam Adeyemi", "demo-sam-adeyemi"]],
        issue: "https://github.com/example-kestrel/kestrel/issues/802",
      },
    ],
  },
  {
    name: "Quillmark",
    projects: [
      {
        title: "Docs that test their own examples",
        description:
          "Code samples in Quillmark's documentation drift from the code. Build a checker that extracts every sample, runs it in CI, and points at the page and line that broke.",
        outcome: "A sample checker in CI covering every page, and the broken samples fixed.",
        skills: "Python, technical writing, CI",
        mentors: [["Noor Haddad", "demo-noor-haddad"]],
        issue: "https://github.com/example-quillmark/quillmark/issues/45",
      },
      {
        title: "A contributor guide newcomers finish",
        description:
          "Interview five first-time contributors, find where the contributor guide loses them, and rewrite it. Measure how long the first pull request takes before and after.",
        outcome: "A rewritten contributor guide and a short report of what changed and why.",
        skills: "Technical Writing, user research, Markdown",
        mentors: [
          ["Noor Haddad", "demo-noor-haddad"],
          ["Priya Raman", "demo-priya-raman"],
        ],
        issue: "https://github.com/example-quillmark/quillmark/issues/51",
      },
    ],
  },
  {
    name: "Saltbox",
    projects: [
      {
        title: "Signed release artifacts",
        description: "Saltbox ships binaries nobody can verify. Sign every release artifact, publish provenance, and document how users check both.",
        outcome: "Signed releases with provenance attestations, and a verification guide.",
        skills: "Rust, supply-chain security, GitHub Actions",
        mentors: [["Lena Fischer", "demo-lena-fischer"]],
        issue: "https://github.com/example-saltbox/saltbox/issues/612",
      },
      {
        title: "Fuzzing the policy parser",
        description: "The policy parser reads untrusted input. Write fuzz targets for it, run them continuously, and fix the crashes they find.",
        outcome: "Fuzz targets in continuous fuzzing and every crash found fixed with a regression test.",
        skills: "Rust, fuzzing",
        mentors: [
          ["Mateo Alvarez", "demo-mateo-alvarez"],
          ["Sam Adeyemi", "demo-sam-adeyemi"],
        ],
        issue: "https://github.com/example-saltbox/saltbox/issues/640",
      },
    ],
  },
];

interface DemoTerm {
  number: number;
  /** Days from today to the opening of applications. */
  offsetDays: number;
  /** How many projects of each organization this term has. */
  projectsPerOrganization: number;
}

/** The demo program's terms: one finished, one taking applications now, one being planned. */
const TERMS: DemoTerm[] = [
  { number: 1, offsetDays: -130, projectsPerOrganization: 1 },
  { number: 2, offsetDays: -9, projectsPerOrganization: 2 },
  { number: 3, offsetDays: 95, projectsPerOrganization: 1 },
];

/** One generated term page: where it would live and its Markdown. */
export interface DemoTermPage {
  slug: string;
  markdown: string;
}

/** The demo program's term pages, with timelines placed around `today`. */
export function demoTermPages(today: Date): DemoTermPage[] {
  return TERMS.map((term) => {
    const opens = DateTime.fromJSDate(today, { zone: ZONE }).startOf("day").plus({ days: term.offsetDays });
    const year = opens.year;
    const slug = `${year}-demo-term-${String(term.number).padStart(2, "0")}`;
    return { slug, markdown: termPage(term, opens) };
  });
}

function termPage(term: DemoTerm, opens: DateTime): string {
  const day = (days: number) => opens.plus({ days });
  const at5pm = (date: DateTime) => date.set({ hour: 17 });
  const title = `Term ${String(term.number).padStart(2, "0")} - ${opens.year} ${opens.plus({ days: 25 }).toFormat("LLLL")} - ${opens.plus({ days: 110 }).toFormat("LLLL")}`;
  const rows: Array<[string, string]> = [
    ["project proposals", range(day(-35), at5pm(day(-7)))],
    ["mentee applications open", range(day(0), at5pm(day(14)))],
    ["application review/admission decisions", range(day(15), at5pm(day(27)))],
    ["selection notifications", single(at5pm(day(28)))],
    ["Mentorship program begins with the initial work assignments", `${dateOnly(day(32))} (Week 1)`],
    ["Midterm mentee evaluations and first stipend payments", `${dateOnly(day(67))} (Week 6)`],
    ["Final mentee evaluations and mentee feedback/blog submission due, second and final stipend payment approvals", `${single(at5pm(day(109)))} (Week 12)`],
    ["Last day of term", dateOnly(day(111))],
  ];
  const organizations = ORGANIZATIONS.map((org) => ({ name: org.name, projects: org.projects.slice(0, term.projectsPerOrganization) }));
  const lines = [
    `# ${title}`,
    "",
    "Status: generated demo term",
    "",
    "Mentorship duration - three months (11 weeks - full-time schedule)",
    "",
    "### Timeline",
    "",
    "| activity | date |",
    "| --- | --- |",
    ...rows.map(([activity, date]) => `| ${activity} | ${date} |`),
    "",
    "### Application instructions",
    "",
    "This is a demo term generated by Cohort: its organizations, projects and people are invented, and applications to it go no further than this server.",
    "",
    "---",
    "",
    "## Accepted projects",
    "",
    ...organizations.flatMap((org) => [`- [${org.name}](#${anchor(org.name)})`, ...org.projects.map((p) => `  - [${p.title}](#${anchor(p.title)})`)]),
    "",
    ...organizations.flatMap((org) => [`### ${org.name}`, "", ...org.projects.flatMap((project) => projectBlock(project))]),
  ];
  return `${lines.join("\n")}\n`;
}

function projectBlock(project: DemoProject): string[] {
  return [
    `#### ${project.title}`,
    "",
    `- Description: ${project.description}`,
    `- Expected Outcome: ${project.outcome}`,
    `- Recommended Skills: ${project.skills}`,
    "- Mentor(s):",
    ...project.mentors.map(([name, handle]) => `  - ${name} (${handle}, <${handle.replace(/^demo-/, "")}@example.org>)`),
    `- Upstream Issue: <${project.issue}>`,
    "",
  ];
}

function anchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}

function dateOnly(date: DateTime): string {
  return date.toFormat("cccc LLL d, yyyy");
}

function single(date: DateTime): string {
  return `${date.toFormat("ccc LLL d, yyyy, h:mm a")} ${date.toFormat("ZZZZ")}`;
}

function range(from: DateTime, to: DateTime): string {
  return `${from.toFormat("cccc LLL d, yyyy")} - ${single(to)}`;
}
