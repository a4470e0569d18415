import type { Config } from "../config/config.ts";
import { AppError } from "../errors/app-error.ts";

/** A notification's content, ready for `enqueueNotification`: a subject, a plain-text part, HTML and its link. */
export interface EmailContent {
  subject: string;
  /** The plain-text part, with the action link written out. */
  text: string;
  /** The same content as HTML, every value escaped. */
  html: string;
  /** The page where the person acts. */
  actionUrl: string;
}

/** What a notification says. */
export interface EmailMessageInput {
  /** Where links point: `linkBase(config, serverUrl)`. */
  baseUrl: string;
  subject: string;
  /** The opening line, e.g. "Hello Ada,". */
  greeting?: string;
  /** Plain-text paragraphs, in order. */
  paragraphs: readonly string[];
  /** The one thing the person should do, and the page (a path on Cohort, such as /applications/42) where they do it. */
  action: { label: string; path: string };
  /** Why the person receives this email, for the footer. */
  reason?: string;
}

/**
 * Where links in emails point: COHORT_PUBLIC_URL when set (the address people reach the server
 * at, behind a proxy), else the URL the server listens on.
 */
export function linkBase(config: Pick<Config, "publicUrl">, serverUrl: string): string {
  return config.publicUrl ?? serverUrl;
}

/**
 * Builds a notification email: a plain-text part that reads well on its own, with the action
 * link written out, and an HTML version of the same. Later notifications (sign-up, password
 * reset, invitations, selections) are written with it.
 */
export function buildEmailMessage(input: EmailMessageInput): EmailContent {
  const actionUrl = actionLink(input.baseUrl, input.action.path);
  const paragraphs = input.paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== "");
  const footer = input.reason ? `${input.reason}\n` : "";
  const text = [...(input.greeting ? [input.greeting] : []), ...paragraphs, `${input.action.label}:\n${actionUrl}`, `-- \n${footer}Cohort`].join("\n\n");
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    ...(input.greeting ? [`<p>${escapeHtml(input.greeting)}</p>`] : []),
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`),
    `<p><a href="${escapeHtml(actionUrl)}">${escapeHtml(input.action.label)}</a></p>`,
    `<p style="color: #555; font-size: 0.9em">${input.reason ? `${escapeHtml(input.reason)}<br>` : ""}Cohort</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: input.subject.replace(/\s+/g, " ").trim(), text, html, actionUrl };
}

/** Joins a Cohort path to the base URL, keeping a base path such as https://example.org/cohort: a link written out in an email. */
export function actionLink(baseUrl: string, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) {
    // The path is not quoted: it may carry a token.
    throw new AppError("INTERNAL", 'An email\'s action path must be a path on Cohort starting with one "/".');
  }
  const base = new URL(baseUrl);
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new AppError("INTERNAL", `An email's links need an http(s) base URL (got "${base.protocol}").`);
  }
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${path}`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
