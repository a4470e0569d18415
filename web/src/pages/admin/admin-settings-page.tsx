import { useRef, useState } from "react";
import { Link } from "wouter";
import { PROGRAM_SETTING_LIMITS, type ProgramSettings, type ProgramSettingsBody } from "../../../../src/schemas/program-settings.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { TimeZoneField } from "../../forms/time-zone-field.tsx";
import { useForm } from "../../forms/use-form.ts";
import { useSession } from "../../session/session.tsx";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";

const FIELDS = ["name", "timeZone", "applicationLimit", "projectQuota", "slotBudget", "offerResponseHours"] as const;

/** The settings as the form holds them: what was typed, numbers included. */
type Draft = Record<(typeof FIELDS)[number], string>;

function draftOf(settings: ProgramSettings): Draft {
  const text = (value: number | null) => (value === null ? "" : String(value));
  return {
    name: settings.name,
    timeZone: settings.timeZone,
    applicationLimit: text(settings.applicationLimit),
    projectQuota: text(settings.projectQuota),
    slotBudget: text(settings.slotBudget),
    offerResponseHours: text(settings.offerResponseHours),
  };
}

/** A typed number as sent: the server says what is wrong with one that is not a whole number in bounds. */
function numberOf(typed: string): number {
  return Number(typed.trim());
}

/** Empty means "no limit". */
function optionalNumberOf(typed: string): number | null {
  return typed.trim() === "" ? null : numberOf(typed);
}

/** How long an offer stays open, in days where that is easier to read. */
function hoursInWords(typed: string): string | null {
  const hours = Number(typed);
  if (!Number.isInteger(hours) || hours < 24 || hours % 24 !== 0) return null;
  const days = hours / 24;
  return `${days} ${days === 1 ? "day" : "days"}`;
}

const { applicationLimit, projectQuota, slotBudget, offerResponseHours } = PROGRAM_SETTING_LIMITS;

function SettingsForm({ program, settings }: { program: string; settings: ProgramSettings }) {
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  const { refresh } = useSession();
  const savedName = useRef(settings.name);
  const set = (key: keyof Draft, value: string) => {
    setSaved(false);
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const save = async () => {
    const body: ProgramSettingsBody = {
      name: draft.name,
      timeZone: draft.timeZone,
      applicationLimit: numberOf(draft.applicationLimit),
      projectQuota: optionalNumberOf(draft.projectQuota),
      slotBudget: optionalNumberOf(draft.slotBudget),
      offerResponseHours: numberOf(draft.offerResponseHours),
    };
    const updated = await sendJson<ProgramSettings>("PATCH", `/api/programs/${encodeURIComponent(program)}/settings`, body);
    setDraft(draftOf(updated));
    setSaved(true);
    // The admin pages' heading shows the program's name as the session knows it.
    if (updated.name !== savedName.current) {
      savedName.current = updated.name;
      await refresh();
    }
  };
  const form = useForm(FIELDS, save, {
    formId: "settings",
    required: () => ({
      name: !draft.name.trim() && "Enter the program's name.",
      timeZone: !draft.timeZone.trim() && "Enter the program's time zone, such as America/Los_Angeles.",
      applicationLimit: !draft.applicationLimit.trim() && "Enter how many applications an applicant may submit per term.",
      offerResponseHours: !draft.offerResponseHours.trim() && "Enter how many hours an applicant has to answer an offer.",
    }),
  });
  const offerDays = hoursInWords(draft.offerResponseHours);

  return (
    <form className="stack settings-form" noValidate onSubmit={form.onSubmit} aria-labelledby="settings-heading">
      <FormError id="settings" error={form.errors.form} />
      <TextField
        name="name"
        label="Program name"
        hint="Shown on the programs page, on every term and in emails."
        autoComplete="off"
        value={draft.name}
        onChange={(event) => set("name", event.target.value)}
        error={form.errors.fields.name}
      />
      <TimeZoneField
        name="timeZone"
        label="Default time zone"
        hint={`A new term starts in this zone; each term keeps its own. Type a city or region and pick from the list. Your browser says ${viewerTimeZone()}.`}
        value={draft.timeZone}
        onChange={(event) => set("timeZone", event.target.value)}
        error={form.errors.fields.timeZone}
      />
      <TextField
        name="applicationLimit"
        label="Applications per applicant and term"
        hint={`How many submitted applications an applicant may have in one term, from ${applicationLimit.min} to ${applicationLimit.max}. Usually 3.`}
        type="number"
        inputMode="numeric"
        min={applicationLimit.min}
        max={applicationLimit.max}
        step={1}
        className="input-number"
        value={draft.applicationLimit}
        onChange={(event) => set("applicationLimit", event.target.value)}
        error={form.errors.fields.applicationLimit}
      />
      <TextField
        name="projectQuota"
        label="Project proposals per organization and term (optional)"
        hint={`Leave empty for no limit. An organization's own quota, set on the Organizations page, takes its place. At most ${projectQuota.max}.`}
        type="number"
        inputMode="numeric"
        min={projectQuota.min}
        max={projectQuota.max}
        step={1}
        className="input-number"
        value={draft.projectQuota}
        onChange={(event) => set("projectQuota", event.target.value)}
        error={form.errors.fields.projectQuota}
      />
      <TextField
        name="slotBudget"
        label="Funded mentorships of a new term (optional)"
        hint="The slot budget a new term starts with; each term can change its own. Leave empty for none."
        type="number"
        inputMode="numeric"
        min={slotBudget.min}
        max={slotBudget.max}
        step={1}
        className="input-number"
        value={draft.slotBudget}
        onChange={(event) => set("slotBudget", event.target.value)}
        error={form.errors.fields.slotBudget}
      />
      <TextField
        name="offerResponseHours"
        label="Hours to answer an offer"
        hint={`How long a selected applicant has to accept an offer before it lapses, from ${offerResponseHours.min} to ${offerResponseHours.max} hours (30 days)${
          offerDays ? `: now ${offerDays}` : ""
        }.`}
        type="number"
        inputMode="numeric"
        min={offerResponseHours.min}
        max={offerResponseHours.max}
        step={1}
        className="input-number"
        value={draft.offerResponseHours}
        onChange={(event) => set("offerResponseHours", event.target.value)}
        error={form.errors.fields.offerResponseHours}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save settings"}
        </button>
        <div className="form-status">
          {saved ? (
            <Notice title="The settings are saved.">
              <p>
                New terms start with them; the change is in <Link href={adminPaths.audit(program, "action=program.settings_updated")}>the audit log</Link>.
              </p>
            </Notice>
          ) : null}
        </div>
      </div>
    </form>
  );
}

function Settings({ program }: { program: string }) {
  const settings = useApi<ProgramSettings>(`/api/programs/${encodeURIComponent(program)}/settings`);
  return (
    <section aria-labelledby="settings-heading" className="panel settings-panel">
      <h2 id="settings-heading">Program settings</h2>
      {settings.error ? <ErrorPanel error={settings.error} onRetry={settings.reload} /> : null}
      {settings.data ? <SettingsForm program={program} settings={settings.data} /> : null}
      {!settings.data && settings.status === "loading" ? <Loading what="the settings" /> : null}
    </section>
  );
}

/** `/admin/:program/settings`: the program's name, default time zone, limits and offer response time. */
export function AdminSettingsPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Settings">
      {() => <Settings program={program} />}
    </AdminFrame>
  );
}
