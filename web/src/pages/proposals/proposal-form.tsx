import type { ReactNode } from "react";
import { TIME_COMMITMENTS, type TimeCommitment } from "../../../../src/domain/proposal-states.ts";
import type { Proposal } from "../../../../src/schemas/proposal.ts";
import { FieldErrorText, fieldId } from "../../forms/field.tsx";
import { MarkdownField } from "../../forms/markdown-field.tsx";
import { TextRows } from "../../forms/text-rows.tsx";
import { MentorsField } from "./mentors-field.tsx";
import type { ProposalDraft } from "./proposal-draft.ts";
import { QuestionsEditor } from "./questions-editor.tsx";
import { SkillsInput } from "./skills-input.tsx";

const COMMITMENT_LABEL: Record<TimeCommitment, string> = { full_time: "Full time", part_time: "Part time" };

/**
 * Every field of a proposal. Each change goes to `onChange` at once (the page autosaves); the
 * server's words appear beside the field they name. On an accepted project only the fields a
 * pending change holds stay editable.
 */
export function ProposalForm({
  proposal,
  draft,
  onChange,
  onProposal,
  errors,
  statusLine,
}: {
  proposal: Proposal;
  draft: ProposalDraft;
  onChange(draft: ProposalDraft): void;
  onProposal(proposal: Proposal): void;
  errors: (field: string) => string | undefined;
  /** Whether what is typed is saved, under the heading where it is seen first. */
  statusLine: ReactNode;
}) {
  const set = <K extends keyof ProposalDraft>(key: K, value: ProposalDraft[K]) => onChange({ ...draft, [key]: value });
  const accepted = proposal.state === "accepted";
  return (
    <form className="proposal-form" aria-labelledby="form-heading" onSubmit={(event) => event.preventDefault()} noValidate>
      <h2 id="form-heading">{accepted ? "Edit the accepted project" : "The proposal"}</h2>
      {statusLine}
      <div className={errors("title") ? "field field-invalid" : "field"}>
        <label htmlFor={fieldId("title")}>Title</label>
        <input
          id={fieldId("title")}
          className="input"
          value={draft.title}
          maxLength={120}
          disabled={accepted}
          onChange={(event) => set("title", event.target.value)}
          aria-invalid={errors("title") ? true : undefined}
          aria-describedby={errors("title") ? `${fieldId("title")}-error` : undefined}
        />
        <FieldErrorText id={`${fieldId("title")}-error`} error={errors("title")} />
      </div>
      <MarkdownField
        name="description"
        label="Description"
        hint="What the project is and why it matters. Markdown: **bold**, lists, [links](https://…)."
        value={draft.description}
        rows={10}
        onChange={(value) => set("description", value)}
        error={errors("description")}
        disabled={false}
      />
      <MarkdownField
        name="expectedOutcome"
        label="Expected outcome"
        hint="What is done and merged by the end of the mentorship. Markdown."
        value={draft.expectedOutcome}
        rows={5}
        onChange={(value) => set("expectedOutcome", value)}
        error={errors("expectedOutcome")}
        disabled={false}
      />
      <SkillsInput skills={draft.skills} onChange={(skills) => set("skills", skills)} errors={errors} />
      <MentorsField proposal={proposal} mentors={draft.mentors} onChange={(mentors) => set("mentors", mentors)} onProposal={onProposal} errors={errors} />
      {accepted ? (
        <p className="muted small">
          The title, issues, slots, time and questions of an accepted project are fixed; ask the program's admins if one of them must change.
        </p>
      ) : (
        <>
          <TextRows
            name="upstreamIssues"
            legend="Upstream issues"
            hint="Links to the issues the mentee will work on, one per row."
            rowLabel="Issue link"
            addLabel="Add an issue link"
            inputType="url"
            placeholder="https://github.com/org/repo/issues/1"
            values={draft.upstreamIssues}
            onChange={(issues) => set("upstreamIssues", issues)}
            errors={errors}
          />
          <fieldset className="field commitment">
            <legend>Mentee's time</legend>
            <div className="commitment-row">
              <div className={errors("slotsRequested") ? "field field-invalid" : "field"}>
                <label htmlFor={fieldId("slotsRequested")}>Slots requested</label>
                <input
                  id={fieldId("slotsRequested")}
                  className="input input-short"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={10}
                  value={draft.slotsRequested}
                  onChange={(event) => set("slotsRequested", event.target.value)}
                  aria-invalid={errors("slotsRequested") ? true : undefined}
                  aria-describedby={`${fieldId("slotsRequested")}-hint${errors("slotsRequested") ? ` ${fieldId("slotsRequested")}-error` : ""}`}
                />
                <p className="field-hint" id={`${fieldId("slotsRequested")}-hint`}>
                  Mentees you can take; the admins decide how many are funded.
                </p>
                <FieldErrorText id={`${fieldId("slotsRequested")}-error`} error={errors("slotsRequested")} />
              </div>
              <div className="field">
                <label htmlFor={fieldId("timeCommitment")}>Time commitment</label>
                <select
                  id={fieldId("timeCommitment")}
                  className="input"
                  value={draft.timeCommitment ?? ""}
                  onChange={(event) => set("timeCommitment", TIME_COMMITMENTS.find((value) => value === event.target.value) ?? null)}
                >
                  <option value="">Not said</option>
                  {TIME_COMMITMENTS.map((commitment) => (
                    <option key={commitment} value={commitment}>
                      {COMMITMENT_LABEL[commitment]}
                    </option>
                  ))}
                </select>
              </div>
              <div className={errors("hoursPerWeek") ? "field field-invalid" : "field"}>
                <label htmlFor={fieldId("hoursPerWeek")}>Hours a week</label>
                <input
                  id={fieldId("hoursPerWeek")}
                  className="input input-short"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={60}
                  value={draft.hoursPerWeek}
                  onChange={(event) => set("hoursPerWeek", event.target.value)}
                  aria-invalid={errors("hoursPerWeek") ? true : undefined}
                  aria-describedby={errors("hoursPerWeek") ? `${fieldId("hoursPerWeek")}-error` : undefined}
                />
                <FieldErrorText id={`${fieldId("hoursPerWeek")}-error`} error={errors("hoursPerWeek")} />
              </div>
            </div>
          </fieldset>
          <QuestionsEditor questions={draft.questions} onChange={(questions) => set("questions", questions)} errors={errors} />
        </>
      )}
    </form>
  );
}
