import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** An SMTP reply the test server gives instead of accepting a message. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

/** One message the test server accepted, with the few parts tests read. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The message exactly as it arrived. */
  raw: string;
  /** Top-level headers by lower-case name, unfolded. */
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  /** The decoded text/plain part, if any. */
  text: string | undefined;
  /** The decoded text/html part, if any. */
  html: string | undefined;
}

/** Options of the test SMTP server. */
export interface TestSmtpServerOptions {
  /** Require AUTH with these credentials. */
  auth?: { user: string; pass: string };
  /** Decides per message (1 for the first one offered) whether to refuse it; undefined accepts. */
  refuse?: (attempt: number) => SmtpRefusal | undefined;
  /** Wait this long after a message's data before answering (a slow server). */
  answerDelayMs?: number;
}

/** A real SMTP server on loopback that records what it accepted. */
export interface TestSmtpServer {
  port: number;
  /** The COHORT_SMTP_URL that reaches it, with the credentials. */
  url: string;
  received: ReceivedEmail[];
  /** The Message-ID of every message offered, accepted or refused, in order. */
  offered: string[];
  /** Messages offered so far, accepted or refused. */
  attempts(): number;
  /** Logins refused so far. */
  refusedLogins(): number;
  close(): Promise<void>;
}

/** Refuses the first `times` messages with a temporary failure (451), then accepts. */
export function refuseFirst(times: number, refusal: SmtpRefusal = { code: 451, message: "4.3.0 Try again later" }) {
  return (attempt: number) => (attempt <= times ? refusal : undefined);
}

/** Refuses every message for good (550). */
export function refuseAlways(refusal: SmtpRefusal = { code: 550, message: "5.1.1 Mailbox unavailable" }) {
  return () => refusal;
}

/**
 * Starts an SMTP server on 127.0.0.1 and a free port (plain text, no STARTTLS; AUTH allowed
 * without TLS because it is loopback). It keeps each accepted message and parses just enough
 * MIME (headers, multipart, quoted-printable, base64) for tests to check its parts.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const offered: string[] = [];
  let attempts = 0;
  let refusedLogins = 0;
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
        return;
      }
      refusedLogins += 1;
      callback(Object.assign(new Error("5.7.8 Authentication failed"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts += 1;
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const email = parseEmail(
          raw,
          from,
          session.envelope.rcptTo.map((rcpt) => rcpt.address),
        );
        offered.push(email.messageId);
        const refusal = options.refuse?.(attempts);
        setTimeout(() => {
          if (refusal) {
            callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
            return;
          }
          received.push(email);
          callback(null);
        }, options.answerDelayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : "";
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    offered,
    attempts: () => attempts,
    refusedLogins: () => refusedLogins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function parseEmail(raw: string, from: string, to: string[]): ReceivedEmail {
  const top = splitPart(raw);
  const leaves = leafParts(top);
  const partOf = (type: string) => {
    const part = leaves.find((leaf) => (leaf.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(type));
    return part ? decodeBody(part) : undefined;
  };
  return {
    from,
    to,
    raw,
    headers: top.headers,
    subject: decodeEncodedWords(top.headers.get("subject") ?? ""),
    messageId: top.headers.get("message-id") ?? "",
    text: partOf("text/plain"),
    html: partOf("text/html"),
  };
}

function splitPart(raw: string): MimePart {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function leafParts(part: MimePart): MimePart[] {
  const type = part.headers.get("content-type") ?? "";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections.filter((section) => !section.startsWith("--")).flatMap((section) => leafParts(splitPart(section.replace(/^\n/, ""))));
}

function decodeBody(part: MimePart): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const body = part.body.replace(/\n$/, "");
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/**
 * Waits for a message to `address` among those accepted from index `after` on (take
 * `server.received.length` before the action that sends it), optionally one that `matches`,
 * and returns the first such message; fails after `timeoutMs` naming what did arrive.
 */
export async function waitForEmail(
  server: TestSmtpServer,
  address: string,
  options: { after?: number; matches?: (email: ReceivedEmail) => boolean; timeoutMs?: number } = {},
): Promise<ReceivedEmail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const wanted = address.toLowerCase();
  for (;;) {
    const found = server.received
      .slice(options.after ?? 0)
      .find((email) => email.to.some((to) => to.toLowerCase() === wanted) && (options.matches?.(email) ?? true));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = server.received.map((email) => `${email.to.join(", ")}: ${email.subject}`).join("; ") || "nothing";
      throw new Error(`no email to ${address} arrived in time (received: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A header with its RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) decoded, as a
 * mail client shows it. Adjacent encoded words are joined before decoding (the space between
 * them is not part of the text, and one character's bytes may be split across two of them).
 */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  return value.replace(/=\?[^?]+\?[QqBb]\?[^?]*\?=(?:\s+=\?[^?]+\?[QqBb]\?[^?]*\?=)*/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, , encoding, text = ""]) =>
      encoding?.toUpperCase() === "B"
        ? Buffer.from(text, "base64")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            "latin1",
          ),
    );
    return Buffer.concat(bytes).toString("utf8");
  });
}
