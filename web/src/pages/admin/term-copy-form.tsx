import { useState } from "react";
import { useLocation } from "wouter";
import { slugify } from "../../../../src/domain/slug.ts";
import type { TermCopyBody, TermSetup } from "../../../../src/schemas/term-setup.ts";
import { sendJson } from "../../api/send-json.ts";
import { TextField } from "../../forms/field.tsx";
import { FormError } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { useSession } from "../../session/session.tsx";
import { adminPaths } from "./admin-frame.tsx";
import { termCopyPath } from "./term-api.ts";

const FIELDS = ["title", "slug", "shiftWeeks"] as const;

/**
 * "New term like this one": a title (the slug follows it until typed) and how many weeks every
 * date moves, 52 by default, so next year's term starts from this one's settings and timeline.
 */
export function TermCopyForm({ program, setup }: { program: string; setup: TermSetup }) {
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState<string | null>(null);
  const [weeks, setWeeks] = useState("52");
  const [, navigate] = useLocation();
  const { announce } = useSession();
  const shownSlug = slug ?? slugify(title);

  const copy = async () => {
    const body = { title: title.trim(), ...(shownSlug ? { slug: shownSlug } : {}), shiftWeeks: Number(weeks.trim()) } satisfies TermCopyBody;
    const created = await sendJson<TermSetup>("POST", termCopyPath(setup.slug), body);
    const path = adminPaths.term(program, created.slug);
    announce(`“${created.title}” is created from “${setup.title}” as a draft, its dates ${body.shiftWeeks} weeks later. Check them, then publish it.`, path);
    navigate(path);
  };
  const form = useForm(FIELDS, copy, {
    formId: "copy",
    namePrefix: "copy-",
    required: () => ({
      title: !title.trim() && "Enter the new term's title.",
      shiftWeeks: !/^-?\d+$/.test(weeks.trim()) && "Enter a whole number of weeks, such as 52 for a year later.",
    }),
  });

  return (
    <form className="stack" noValidate onSubmit={form.onSubmit} aria-labelledby="copy-heading">
      <p className="field-hint">
        Copies the settings and the timeline of “{setup.title}” into a new draft, every date moved by the same number of weeks at the same local time.
      </p>
      <FormError id="copy" error={form.errors.form} />
      <TextField
        name="copy-title"
        label="Title of the new term"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={form.errors.fields.title}
      />
      <TextField
        name="copy-slug"
        label="Slug of the new term"
        hint="Suggested from the title."
        spellCheck={false}
        autoCapitalize="none"
        value={shownSlug}
        onChange={(event) => setSlug(event.target.value)}
        error={form.errors.fields.slug}
      />
      <TextField
        name="copy-shiftWeeks"
        label="Move every date by"
        hint="Weeks; 52 keeps the weekdays a year later."
        inputMode="numeric"
        className="input-number"
        value={weeks}
        onChange={(event) => setWeeks(event.target.value)}
        error={form.errors.fields.shiftWeeks}
      />
      <div>
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? "Copying…" : "Create the new term"}
        </button>
      </div>
    </form>
  );
}
