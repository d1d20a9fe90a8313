// The local mail catcher: a small SMTP server on 127.0.0.1 that accepts every message and
// stores it in the CaughtMail table, so the demo portal really sends its mail (through the
// same outbox, job and SMTP client as production) and staff can read what "arrived" at
// /admin/mail. `npm start` runs it when SMTP_URL is not set and points SMTP_URL at it.
// Never exposed beyond the loopback interface; not for production.

import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import { mailEnv } from "@/lib/env";

export type CaughtMessage = { from: string; to: string[]; subject: string; text: string; messageId: string; raw: string };

export type MailCatcher = { port: number; url: string; close: () => Promise<void> };

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Starts an SMTP server that hands every accepted message to `onMessage`. Port 0: any free port. */
export async function startMailCatcher(opts: {
  port?: number;
  host?: string;
  onMessage: (m: CaughtMessage) => Promise<void>;
  /** Extra server options (tests refuse recipients with onRcptTo). */
  server?: Partial<SMTPServerOptions>;
}): Promise<MailCatcher> {
  const host = opts.host ?? "127.0.0.1";
  const server = new SMTPServer({
    // Loopback only: no TLS, no authentication.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: "portal mail catcher",
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => {
        chunks.push(c);
      });
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(new Error("邮件过大"));
          return;
        }
        const raw = Buffer.concat(chunks);
        const envelopeTo = session.envelope.rcptTo.map((a) => a.address);
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        void simpleParser(raw)
          .then((parsed) =>
            opts.onMessage({
              from: parsed.from?.text ?? envelopeFrom,
              to: envelopeTo.length ? envelopeTo : addresses(parsed.to),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              messageId: parsed.messageId ?? "",
              raw: raw.toString("utf8"),
            }),
          )
          .then(
            () => {
              callback();
            },
            (e: unknown) => {
              callback(e instanceof Error ? e : new Error(String(e)));
            },
          );
      });
    },
    ...opts.server,
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onError = (e: Error) => {
      reject(e);
    };
    server.once("error", onError);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", onError);
      const addr = server.server.address();
      resolve(typeof addr === "object" && addr ? addr.port : (opts.port ?? 0));
    });
  });
  // A client that drops the connection must not crash the process.
  server.on("error", (e) => {
    console.warn("[邮件收取] ", e.message);
  });
  return {
    port,
    url: `smtp://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

function addresses(to: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}

/** Stores caught mail in the CaughtMail table of the given database. */
export function storeInDatabase(databaseUrl: string): (m: CaughtMessage) => Promise<void> {
  let client: Promise<import("@/lib/db/client").Db> | null = null;
  return async (m) => {
    client ??= import("@/lib/db/client").then(({ createDb }) => createDb(databaseUrl));
    await (await client).caughtMail.create({ data: m });
  };
}

/**
 * `npm start`: without SMTP_URL, run the catcher (MAIL_CATCHER_PORT, default 1025; any free
 * port when that one is taken, e.g. by another checkout's portal) and point SMTP_URL at it
 * for the server process. With SMTP_URL set, mail goes to that server and nothing starts.
 */
export async function startMailCatcherUnlessSmtp(databaseUrl: string, log: (m: string) => void): Promise<MailCatcher | null> {
  const settings = mailEnv();
  if (settings.SMTP_URL) return null;
  const onMessage = storeInDatabase(databaseUrl);
  let catcher: MailCatcher;
  try {
    catcher = await startMailCatcher({ port: settings.MAIL_CATCHER_PORT, onMessage });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    catcher = await startMailCatcher({ port: 0, onMessage });
  }
  process.env.SMTP_URL = catcher.url;
  log(`未设置 SMTP_URL：邮件发往本机邮件收取服务 ${catcher.url}（在“邮件”页面查看收到的邮件）`);
  return catcher;
}
