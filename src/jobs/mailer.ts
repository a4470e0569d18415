import { createHash } from "node:crypto";
import { createTransport } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type { Config } from "../config/config.ts";

/** One email as the worker hands it to the SMTP server. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The stable Message-ID header, with its angle brackets. */
  messageId: string;
}

/** Sends email over SMTP; made by `createMailer` from COHORT_SMTP_URL. */
export interface Mailer {
  /** The sender (COHORT_MAIL_FROM). */
  readonly from: string;
  /** The SMTP URL with its password hidden, for log lines. */
  readonly label: string;
  /** Resolves once the SMTP server has accepted the message; rejects otherwise, or when `signal` aborts. */
  send(email: OutgoingEmail, signal: AbortSignal): Promise<void>;
  /** The Message-ID for a notification: the same for every attempt, so a receiver can recognise a repeat. */
  messageIdFor(dedupeKey: string): string;
  /** Why a send failed, in one line without the password or any link (links may carry tokens). */
  describeError(error: unknown): string;
  /** Closes the transport's connections. */
  close(): void;
}

// Below the worker's default lease, so no send outlives its claim by waiting on a silent server.
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 60_000;

/**
 * The SMTP mailer that COHORT_SMTP_URL names (`smtp://user:pass@host:587` uses STARTTLS when the
 * server offers it, `smtps://…:465` TLS from the start; query parameters such as
 * `?tls.rejectUnauthorized=false` pass to nodemailer), or null when it is not set: messages then
 * stay in the outbox for admins to read.
 */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Mailer | null {
  if (!config.smtpUrl) return null;
  const parsed = parseConnectionUrl(config.smtpUrl);
  const secrets = secretsOf(parsed.auth?.pass);
  const transport = createTransport({
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    ...parsed,
    // Nodemailer's own logging would print the SMTP dialogue; the URL may not switch it on.
    logger: false,
    debug: false,
  });
  const domain = senderDomain(config.mailFrom);
  return {
    from: config.mailFrom,
    label: hideUrlPassword(config.smtpUrl),
    async send(email, signal) {
      await transport.sendMail({
        from: config.mailFrom,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html === null ? {} : { html: email.html }),
        messageId: email.messageId,
        // RFC 3834: automatic mail, so out-of-office replies are not sent back to it.
        headers: { "Auto-Submitted": "auto-generated" },
        signal,
      });
    },
    messageIdFor(dedupeKey) {
      // A hash, so the header reveals nothing of the key (which may name a person or an object).
      const digest = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 40);
      return `<cohort.${digest}@${domain}>`;
    },
    describeError(error) {
      return describeSendError(error, secrets);
    },
    close() {
      transport.close();
    },
  };
}

/** The URL with its password replaced by ***, safe for a log line. */
export function hideUrlPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@\s]*:)\S*@/, "$1***@");
  }
}

const LINK = /\b(?:https?|smtps?):\/\/\S+/gi;
const MAX_ERROR_LENGTH = 500;

function describeSendError(error: unknown, secrets: readonly string[]): string {
  const fields = error as { code?: unknown; message?: unknown } | null;
  const code = typeof fields?.code === "string" ? fields.code : "";
  const message = typeof fields?.message === "string" ? fields.message : String(error);
  let text = (code && !message.startsWith(code) ? `${code}: ${message}` : message).replace(/\s+/g, " ").trim();
  // The SMTP server's answer is quoted in the message: it may echo a link or, in theory, a credential.
  for (const secret of secrets) text = text.split(secret).join("***");
  return text.replace(LINK, "[link]").slice(0, MAX_ERROR_LENGTH);
}

/** The password as written and in the encodings an SMTP dialogue or a URL may show it in. */
function secretsOf(password: string | undefined): string[] {
  if (!password) return [];
  const forms = [password, encodeURIComponent(password), Buffer.from(password).toString("base64")];
  // Longest first, so a form that contains another is hidden whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

function senderDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf("@") + 1).trim();
  return domain === "" ? "localhost" : domain;
}
