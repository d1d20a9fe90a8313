import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { assertUploadsClean, scanBytes } from "@/lib/uploads/virus-scan";
import { ValidationError } from "@/lib/errors";

// A tiny fake clamd speaking the INSTREAM protocol on a Unix socket: it reassembles the
// length-prefixed chunks and reports the EICAR test string as infected.
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clamd-"));
const socketPath = path.join(dir, "clamd.sock");
let server: net.Server;
const received: Buffer[] = [];

beforeAll(async () => {
  server = net.createServer((c) => {
    let buf = Buffer.alloc(0);
    let data = Buffer.alloc(0);
    let gotCommand = false;
    c.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (!gotCommand) {
        const end = buf.indexOf(0);
        if (end < 0) return;
        expect(buf.subarray(0, end).toString()).toBe("zINSTREAM");
        buf = buf.subarray(end + 1);
        gotCommand = true;
      }
      while (buf.length >= 4) {
        const len = buf.readUInt32BE(0);
        if (len === 0) {
          received.push(data);
          c.end(data.toString("latin1").includes(EICAR) ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0");
          return;
        }
        if (buf.length < 4 + len) return;
        data = Buffer.concat([data, buf.subarray(4, 4 + len)]);
        buf = buf.subarray(4 + len);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.CLAMAV_SOCKET;
});

describe("ClamAV INSTREAM scan", () => {
  it("sends the whole file in chunks and reads clean / infected answers", async () => {
    const big = Buffer.alloc(200 * 1024, 7);
    expect(await scanBytes(big, socketPath)).toEqual({ status: "clean" });
    expect(received.at(-1)?.equals(big)).toBe(true);
    expect(await scanBytes(Buffer.from(`%PDF-1.4 ${EICAR}`), socketPath)).toEqual({
      status: "infected",
      signature: "Eicar-Test-Signature",
    });
  });

  it("reports an unreachable scanner as an error, not as clean", async () => {
    const r = await scanBytes(Buffer.from("x"), path.join(dir, "missing.sock"));
    expect(r.status).toBe("error");
  });

  it("refuses infected uploads and fails closed when the scanner is down, only when configured", async () => {
    delete process.env.CLAMAV_SOCKET;
    await expect(assertUploadsClean([{ fileName: "a.pdf", bytes: Buffer.from(EICAR) }])).resolves.toBeUndefined();

    process.env.CLAMAV_SOCKET = socketPath;
    await expect(assertUploadsClean([{ fileName: "a.pdf", bytes: Buffer.from("clean") }])).resolves.toBeUndefined();
    const infected = await assertUploadsClean([{ fileName: "通知.pdf", bytes: Buffer.from(EICAR) }]).catch((e: unknown) => e);
    expect(infected).toBeInstanceOf(ValidationError);
    expect((infected as ValidationError).message).toMatch(/病毒/);

    process.env.CLAMAV_SOCKET = path.join(dir, "missing.sock");
    const down = await assertUploadsClean([{ fileName: "a.pdf", bytes: Buffer.from("clean") }]).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ValidationError);
    expect((down as ValidationError).message).toMatch(/暂时不可用/);
  });
});
