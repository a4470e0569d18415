import { useState } from "react";
import type { ProfileBody } from "../../../../src/schemas/account.ts";
import { sendJson } from "../../api/send-json.ts";
import { TextField, VisibilityBadge } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { TimeZoneField } from "../../forms/time-zone-field.tsx";
import { useForm } from "../../forms/use-form.ts";
import type { Me } from "../../session/session.tsx";
import { viewerTimeZone } from "../../time/zones.ts";

const FIELDS = ["name", "pronouns", "githubHandle", "timeZone", "country", "skills", "portfolioUrl", "cvUrl"] as const;

/** The profile as the form holds it: plain strings, as typed. */
interface Draft {
  name: string;
  pronouns: string;
  githubHandle: string;
  timeZone: string;
  country: string;
  skills: string;
  portfolioUrl: string;
  cvUrl: string;
}

function draftOf(me: Me): Draft {
  return {
    name: me.name,
    pronouns: me.pronouns ?? "",
    githubHandle: me.githubHandle ?? "",
    timeZone: me.timeZone ?? viewerTimeZone(),
    country: me.country ?? "",
    skills: me.skills.map((skill) => skill.label).join(", "),
    portfolioUrl: me.portfolioUrl ?? "",
    cvUrl: me.cvUrl ?? "",
  };
}

/** A handle as people paste it: "@ada" or "https://github.com/ada" both mean "ada". */
function cleanHandle(value: string): string | null {
  const handle = value
    .trim()
    .replace(/^https?:\/\/(www\.)?github\.com\//i, "")
    .replace(/^@/, "")
    .replace(/\/+$/, "");
  return handle === "" ? null : handle;
}

/** A link field as sent: empty means none. */
function linkOrNull(value: string): string | null {
  const link = value.trim();
  return link === "" ? null : link;
}

/**
 * The profile form: name, pronouns, GitHub handle, time zone, country, skills and the portfolio
 * and CV links, each marked with who can see it, beside the account's email, which it shows but does not change. Saves with PATCH /api/me;
 * errors beside the field.
 */
export function ProfileForm({ me, onSaved }: { me: Me; onSaved(me: Me): void }) {
  const [draft, setDraft] = useState(() => draftOf(me));
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const save = async () => {
    const updated = await sendJson<Me>("PATCH", "/api/me", {
      name: draft.name,
      pronouns: draft.pronouns.trim() === "" ? null : draft.pronouns,
      githubHandle: cleanHandle(draft.githubHandle),
      timeZone: draft.timeZone || null,
      country: draft.country.trim() === "" ? null : draft.country.trim().toUpperCase(),
      skills: draft.skills
        .split(",")
        .map((skill) => skill.trim())
        .filter(Boolean),
      portfolioUrl: linkOrNull(draft.portfolioUrl),
      cvUrl: linkOrNull(draft.cvUrl),
    } satisfies ProfileBody);
    setDraft(draftOf(updated));
    setSaved(true);
    onSaved(updated);
  };
  const form = useForm(FIELDS, save, { formId: "profile" });

  return (
    <form className="stack profile-form" noValidate onSubmit={form.onSubmit} aria-labelledby="profile-heading">
      <FormError id="profile" error={form.errors.form} />
      <TextField
        name="name"
        label="Name"
        badge={<VisibilityBadge visibility="public" />}
        hint="Shown to program admins, and on the project pages you mentor where their term page gives no name."
        autoComplete="name"
        value={draft.name}
        onChange={(event) => set("name", event.target.value)}
        error={form.errors.fields.name}
      />
      <TextField
        name="pronouns"
        label="Pronouns (optional)"
        badge={<VisibilityBadge visibility="public" />}
        hint="How people should refer to you, such as she/her, he/him or they/them. Shown beside your name."
        maxLength={40}
        value={draft.pronouns}
        onChange={(event) => set("pronouns", event.target.value)}
        error={form.errors.fields.pronouns}
      />
      <div className="field">
        <div className="field-label-row">
          <span className="field-label">Email</span>
          {/* The admins' people page lists it for every program where the person has a role; no public page shows it. */}
          <VisibilityBadge visibility="admins" />
        </div>
        <p className="field-hint">Project pages show the address each term page gives for its mentors, never your account's address.</p>
        <p className="field-value">
          {me.email ?? "No email address"} {me.emailVerified ? <span className="muted">(confirmed)</span> : <span className="muted">(not confirmed)</span>}
        </p>
      </div>
      <TextField
        name="githubHandle"
        label="GitHub handle"
        badge={<VisibilityBadge visibility="public" />}
        hint="Your user name, such as octocat. Linked from the project pages you mentor."
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        value={draft.githubHandle}
        onChange={(event) => set("githubHandle", event.target.value)}
        error={form.errors.fields.githubHandle}
      />
      <TimeZoneField
        name="timeZone"
        label="Time zone"
        badge={<VisibilityBadge visibility="private" />}
        hint={`Type a city or region and pick from the list. Your browser says ${viewerTimeZone()}.`}
        value={draft.timeZone}
        onChange={(event) => set("timeZone", event.target.value)}
        error={form.errors.fields.timeZone}
      />
      <TextField
        name="country"
        label="Country"
        badge={<VisibilityBadge visibility="private" />}
        hint="Two letters, such as DE, IN or BR."
        autoComplete="country"
        maxLength={2}
        className="input-short"
        spellCheck={false}
        value={draft.country}
        onChange={(event) => set("country", event.target.value.toUpperCase())}
        error={form.errors.fields.country}
      />
      <TextField
        name="skills"
        label="Skills"
        badge={<VisibilityBadge visibility="private" />}
        hint="Separated by commas, such as Go, Kubernetes, React."
        spellCheck={false}
        value={draft.skills}
        onChange={(event) => set("skills", event.target.value)}
        error={form.errors.fields.skills}
      />
      <TextField
        name="portfolioUrl"
        label="Portfolio (optional)"
        badge={<VisibilityBadge visibility="applications" />}
        hint="A web address starting with https://: your site, a blog or a list of your work. Shown with your applications."
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        autoCapitalize="none"
        value={draft.portfolioUrl}
        onChange={(event) => set("portfolioUrl", event.target.value)}
        error={form.errors.fields.portfolioUrl}
      />
      <TextField
        name="cvUrl"
        label="CV link (optional)"
        badge={<VisibilityBadge visibility="applications" />}
        hint="A web address starting with https:// where your CV can be read. Shown with your applications."
        type="url"
        inputMode="url"
        spellCheck={false}
        autoCapitalize="none"
        value={draft.cvUrl}
        onChange={(event) => set("cvUrl", event.target.value)}
        error={form.errors.fields.cvUrl}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save profile"}
        </button>
        <div className="form-status">
          {saved ? (
            <Notice title="Your profile is saved.">
              <p>Public fields show on project pages at once.</p>
            </Notice>
          ) : null}
        </div>
      </div>
    </form>
  );
}
