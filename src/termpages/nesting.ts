import type { Section } from "./outline.ts";
import { matchKey } from "./toc.ts";
import type { ParsedOrganization, ParsedProject, TocEntry } from "./types.ts";

/** An organization while the page is read: its data and its heading's level (null for a table row). */
export interface OrgState {
  data: ParsedOrganization;
  level: number | null;
}

/** A heading between a project and its organization ("SIG Storage", or an organization written a level too deep). */
export interface SubGroup {
  section: Section;
  /** Markdown between the heading and its first project. */
  intro: string | null;
}

/** Organizations as the headings nest them, with each headed project's sub-group headings and the table of contents. */
export interface Nesting {
  organizations: Map<string, OrgState>;
  subGroups: Map<ParsedProject, SubGroup[]>;
  toc: readonly TocEntry[];
}

/** Where a moved project now sits: its organization's heading level and how many sub-groups remain between them. */
export interface Moved {
  orgLevel: number;
  subGroups: number;
}

/** The GitHub owner of a URL ("https://github.com/kube-burner/kube-burner/issues" → "kube-burner"), lower-case. */
function githubOwner(url: string): string | null {
  const match = /^https?:\/\/(?:www\.)?github\.com\/(?:orgs\/)?([\w.-]+)/i.exec(url);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function ownersOf(projects: readonly ParsedProject[]): Set<string> {
  const owners = new Set<string>();
  for (const project of projects) {
    for (const url of project.upstreamIssues) {
      const owner = githubOwner(url);
      if (owner) owners.add(owner);
    }
  }
  return owners;
}

/**
 * True when two names point to one project: equal once punctuation is gone, one inside the other
 * ("envoyproxy" and "Envoy"), or the same first word ("kubernetes-sigs" and "kubernetes-csi").
 */
function related(a: string, b: string): boolean {
  const x = matchKey(a);
  const y = matchKey(b);
  if (x === "" || y === "") return false;
  if (x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x)))) return true;
  const head = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u)[0] ?? "";
  return head(a).length >= 4 && head(a) === head(b);
}

const unrelated = (owners: Iterable<string>, identity: readonly string[]) => [...owners].every((owner) => !identity.some((name) => related(owner, name)));

/** True when the table of contents lists the heading at the depth of the organization's own entry. */
function tocLists(toc: readonly TocEntry[], organization: string, heading: string): boolean {
  const at = toc.findIndex((entry) => matchKey(entry.text) === matchKey(organization));
  const parent = toc[at];
  if (!parent) return false;
  const entry = toc.slice(at + 1).find((candidate) => matchKey(candidate.text) === matchKey(heading));
  return entry !== undefined && entry.depth === parent.depth;
}

interface Candidate {
  group: SubGroup;
  projects: ParsedProject[];
}

/**
 * Reads a heading written one level too deep under an organization ("#### kube-burner" under
 * "### Kyverno") as its own organization when the page gives evidence: the table of contents lists
 * it beside the organization, or its projects' upstream issues are in GitHub organizations that
 * have nothing to do with the parent (its name, its own projects', its other sub-groups'), while
 * the parent's own projects show where the parent lives, or the heading is named after them. A
 * heading that only gathers such organizations (no project of its own) is left with none, so it is
 * no organization. Projects that follow at the lifted heading's level with its GitHub organization go
 * with it. Mutates the organizations and the projects' groups; returns the moved projects and the
 * organizations left empty.
 */
export function liftNestedOrganizations(nesting: Nesting): { moved: Map<ParsedProject, Moved>; emptied: OrgState[] } {
  const moved = new Map<ParsedProject, Moved>();
  const emptied: OrgState[] = [];
  const order: OrgState[] = [];
  for (const parent of nesting.organizations.values()) {
    order.push(parent);
    const candidates = candidatesOf(parent, nesting.subGroups);
    if (candidates.length === 0) continue;
    const direct = parent.data.projects.filter((project) => (nesting.subGroups.get(project) ?? []).length === 0);
    const gatherer =
      direct.length === 0 && candidates.length >= 2 && candidates.every((candidate, index) => isOwnOrganization(candidate, index, candidates, parent, []));
    for (const [index, candidate] of candidates.entries()) {
      const before = direct.filter((project) => project.line < candidate.group.section.line);
      const byToc = tocLists(nesting.toc, parent.data.name, candidate.group.section.text);
      const byLinks = isOwnOrganization(candidate, index, candidates, parent, before) && (ownersOf(before).size > 0 || namedAfter(candidate) || gatherer);
      if (!byToc && !byLinks) continue;
      const lifted = lift(candidate, parent, direct, nesting, moved);
      order.push(lifted);
    }
    if (parent.data.projects.length === 0) emptied.push(parent);
  }
  nesting.organizations.clear();
  for (const state of order) {
    const key = state.data.name.toLowerCase();
    const same = nesting.organizations.get(key);
    // An organization the page also heads at its own level elsewhere takes the lifted projects.
    if (same && same !== state) same.data.projects.push(...state.data.projects);
    else nesting.organizations.set(key, state);
  }
  return { moved, emptied };
}

function candidatesOf(parent: OrgState, subGroups: Map<ParsedProject, SubGroup[]>): Candidate[] {
  const candidates = new Map<Section, Candidate>();
  for (const project of parent.data.projects) {
    const first = subGroups.get(project)?.[0];
    if (!first) continue;
    const candidate = candidates.get(first.section) ?? { group: first, projects: [] };
    candidate.projects.push(project);
    candidates.set(first.section, candidate);
  }
  return [...candidates.values()];
}

function isOwnOrganization(candidate: Candidate, index: number, all: Candidate[], parent: OrgState, before: ParsedProject[]): boolean {
  const owners = ownersOf(candidate.projects);
  const others = all.filter((_, at) => at !== index).flatMap((other) => [...ownersOf(other.projects)]);
  return owners.size > 0 && unrelated(owners, [parent.data.name, ...ownersOf(before), ...others]);
}

function namedAfter(candidate: Candidate): boolean {
  return [...ownersOf(candidate.projects)].some((owner) => related(owner, candidate.group.section.text));
}

function lift(candidate: Candidate, parent: OrgState, direct: ParsedProject[], nesting: Nesting, moved: Map<ParsedProject, Moved>): OrgState {
  const section = candidate.group.section;
  const state: OrgState = { data: { name: section.text, line: section.line, intro: candidate.group.intro, projects: [] }, level: section.level };
  const owners = ownersOf(candidate.projects);
  // "#### Distributed client-side policy evaluation" right after Meshery's projects, at Meshery's level, links Meshery's issues.
  const last = candidate.projects[candidate.projects.length - 1]?.line ?? section.line;
  const trailing: ParsedProject[] = [];
  for (const project of direct.filter((other) => other.line > last)) {
    const own = ownersOf([project]);
    if (own.size === 0 || ![...own].every((owner) => owners.has(owner))) break;
    trailing.push(project);
  }
  for (const project of [...candidate.projects, ...trailing]) {
    const rest = (nesting.subGroups.get(project) ?? []).slice(1);
    project.group = rest.map((group) => group.section.text).join(" / ") || null;
    if (project.group === null) delete project.group;
    nesting.subGroups.set(project, rest);
    state.data.projects.push(project);
    moved.set(project, { orgLevel: section.level, subGroups: rest.length });
  }
  parent.data.projects = parent.data.projects.filter((project) => !moved.has(project));
  return state;
}
