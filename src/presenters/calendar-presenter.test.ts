import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { TimelinePhase } from "../domain/timeline.ts";
import type { ProgramRow, TermRow } from "../storage/schema.ts";
import { presentTermCalendar } from "./calendar-presenter.ts";

const LA = "America/Los_Angeles";
const at = (local: string) => DateTime.fromISO(local, { zone: LA }).toJSDate();

const program: ProgramRow = {
  id: 1,
  slug: "cncf-lfx",
  name: "CNCF LFX Mentorship",
  timeZone: LA,
  applicationLimit: 3,
  stipendPolicy: "",
  projectQuota: null,
  slotBudget: null,
  offerResponseHours: 72,
  evaluationQuestions: "[]",
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: "2024-01-01T00:00:00.000Z",
};
const term: TermRow = {
  id: 1,
  programId: 1,
  slug: "2024-02-jun-aug",
  title: "Term 02 - 2024 June - August",
  timeZone: LA,
  lengthText: null,
  lengthWeeks: null,
  statusText: null,
  intro: null,
  publishedAt: "2024-01-01T00:00:00.000Z",
  slotBudget: null,
  sections: "[]",
  revision: 1,
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: "2024-05-01T00:00:00.000Z",
};

const phase = (kind: TimelinePhase["kind"], activity: string, startsAt: Date | null, endsAt: Date | null): TimelinePhase => ({
  kind,
  activity,
  text: activity,
  startsAt,
  endsAt,
});

// As the importer stores them: a day without a time runs from midnight to the next midnight.
const phases: TimelinePhase[] = [
  phase("applications", "mentee applications open", at("2024-05-13T00:00"), at("2024-05-28T17:00")),
  phase("notifications", "selection notifications", at("2024-06-12T17:00"), at("2024-06-12T17:00")),
  phase("start", "Mentorship program begins", at("2024-06-17T00:00"), at("2024-06-18T00:00")),
  phase("midterm", "Midterm mentee evaluations", at("2024-07-15T00:00"), at("2024-07-16T00:00")),
  phase(null, "Term", at("2024-06-01T00:00"), at("2024-09-01T00:00")),
  phase("end", "Last day of term", null, null),
];

function feed(list: TimelinePhase[] = phases) {
  const { body } = presentTermCalendar({ term, program, timeline: { title: term.title, timeZone: LA, phases: list } });
  const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");
  const byUid = (uid: string) => {
    const found = events.find((event) => event.getFirstPropertyValue("uid") === `${term.slug}.${uid}@cohort`);
    if (!found) throw new Error(`no event ${uid} in ${body}`);
    return found;
  };
  return { body, events, byUid };
}

const dateOf = (event: ICAL.Component, property: "dtstart" | "dtend") => {
  const value = event.getFirstPropertyValue(property);
  if (!(value instanceof ICAL.Time)) throw new Error(`${property} is not a time`);
  return value;
};
const alarms = (event: ICAL.Component) =>
  event.getAllSubcomponents("valarm").map((alarm) => ({
    action: alarm.getFirstPropertyValue("action"),
    trigger: String(alarm.getFirstPropertyValue("trigger")),
    description: alarm.getFirstPropertyValue("description"),
  }));

describe("a term's calendar feed", () => {
  it("shows a weeks-long phase as an all-day span of its calendar days, free time, without a reminder", () => {
    const span = feed().byUid("applications");
    const start = dateOf(span, "dtstart");
    const end = dateOf(span, "dtend");
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe("2024-05-13");
    // Exclusive: the span covers 28 May, the day applications close at 17:00.
    expect(end.toString()).toBe("2024-05-29");
    expect(span.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    expect(alarms(span)).toEqual([]);
  });

  it("gives the close of applications its own short event at the instant with a reminder a day before", () => {
    const closes = feed().byUid("applications.closes");
    expect(dateOf(closes, "dtstart").toJSDate().toISOString()).toBe("2024-05-29T00:00:00.000Z");
    expect(dateOf(closes, "dtstart").isDate).toBe(false);
    const minutes = (dateOf(closes, "dtend").toJSDate().getTime() - dateOf(closes, "dtstart").toJSDate().getTime()) / 60_000;
    expect(minutes).toBe(15);
    expect(closes.getFirstPropertyValue("summary")).toBe("Term 02 - 2024 June - August: Applications close");
    expect(closes.getFirstPropertyValue("description")).toContain("Tue 28 May 2024 at 17:00 PDT (00:00 UTC)");
    expect(alarms(closes)).toEqual([{ action: "DISPLAY", trigger: "-P1D", description: "Tomorrow: mentee applications open" }]);
  });

  it("makes a one-instant phase a short event with a reminder a day before", () => {
    const notifications = feed().byUid("notifications");
    expect(dateOf(notifications, "dtstart").toJSDate().toISOString()).toBe("2024-06-13T00:00:00.000Z");
    expect(notifications.getFirstPropertyValue("summary")).toBe("Term 02 - 2024 June - August: Selections are announced");
    expect(alarms(notifications)).toHaveLength(1);
  });

  it("makes a day given without a time an all-day event on that day, with a reminder only when it closes something", () => {
    const start = feed().byUid("start");
    expect(dateOf(start, "dtstart").toString()).toBe("2024-06-17");
    expect(dateOf(start, "dtend").toString()).toBe("2024-06-18");
    expect(alarms(start)).toEqual([]);
    const midterm = feed().byUid("midterm");
    expect(dateOf(midterm, "dtstart").isDate).toBe(true);
    expect(alarms(midterm).map((alarm) => alarm.trigger)).toEqual(["-P1D"]);
  });

  it("writes all-day dates as RFC 5545 DATE values and skips a phase without dates", () => {
    const { body, events } = feed();
    expect(body).toContain("DTSTART;VALUE=DATE:20240513\r\nDTEND;VALUE=DATE:20240529");
    expect(body).toContain("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D");
    // applications (span and close), notifications, start, midterm, the term's own row; "end" has no date.
    expect(events).toHaveLength(6);
    expect(feed().byUid("row-5").getFirstPropertyValue("summary")).toBe("Term 02 - 2024 June - August: Term");
  });

  it("keeps the times of a phase shorter than a day", () => {
    const review = feed([phase("review", "review call", at("2024-06-03T09:00"), at("2024-06-03T11:00"))]).byUid("review");
    expect(dateOf(review, "dtstart").toJSDate().toISOString()).toBe("2024-06-03T16:00:00.000Z");
    expect(dateOf(review, "dtend").toJSDate().toISOString()).toBe("2024-06-03T18:00:00.000Z");
    expect(alarms(review)).toHaveLength(1);
  });
});
