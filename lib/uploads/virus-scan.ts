// Optional virus scan of uploads through ClamAV's daemon (clamd), enabled by CLAMAV_SOCKET:
// a Unix socket path (/run/clamav/clamd.ctl) or host:port (127.0.0.1:3310).
//
// Protocol (clamd INSTREAM): send "zINSTREAM\0", then the file as chunks each prefixed by
// its length (4 bytes, big-endian), then a zero length; clamd answers
// "stream: OK", "stream: <signature> FOUND" or "... ERROR", terminated by NUL.
//
// When the scanner is configured but does not answer, uploads are refused (fail closed): a
// portal that promised scanning must not publish unscanned files. Without CLAMAV_SOCKET no
// scan is made (docs/security.md lists this as a deployment step).

import net from "node:net";
import { ValidationError } from "@/lib/errors";

export type ScanResult = { status: "clean" } | { status: "infected"; signature: string } | { status: "error"; reason: string };

const CHUNK = 64 * 1024;

/** The configured clamd address, or null when scanning is off. */
export function clamavSocket(): string | null {
  const v = process.env.CLAMAV_SOCKET?.trim();
  return v ? v : null;
}

function connectTo(address: string): net.Socket {
  const m = /^(?:tcp:\/\/)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(address);
  if (m) return net.connect({ host: (m[1] ?? "").replace(/^\[|\]$/g, ""), port: Number(m[2]) });
  return net.connect({ path: address });
}

/** Scans bytes with clamd at `address`. Never throws; errors come back as status "error". */
export function scanBytes(bytes: Uint8Array, address: string, timeoutMs = 30_000): Promise<ScanResult> {
  return new Promise((resolve) => {
    let settled = false;
    const replies: Buffer[] = [];
    const socket = connectTo(address);
    const done = (r: ScanResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => {
      done({ status: "error", reason: "timeout" });
    }, timeoutMs);
    socket.on("error", (e) => {
      done({ status: "error", reason: e.message });
    });
    socket.on("data", (d: Buffer) => {
      replies.push(d);
      if (d.includes(0)) finish();
    });
    socket.on("end", () => {
      finish();
    });
    const finish = () => {
      const reply = Buffer.concat(replies)
        .toString("utf8")
        .replace(/\0[\s\S]*$/, "")
        .trim();
      if (/:\s*OK$/.test(reply)) {
        done({ status: "clean" });
        return;
      }
      const found = /:\s*(.+?)\s+FOUND$/.exec(reply);
      if (found) {
        done({ status: "infected", signature: (found[1] ?? "").slice(0, 200) });
        return;
      }
      done({ status: "error", reason: reply.slice(0, 200) || "empty reply" });
    };
    socket.once("connect", () => {
      socket.write("zINSTREAM\0");
      for (let off = 0; off < bytes.length; off += CHUNK) {
        const part = bytes.subarray(off, Math.min(off + CHUNK, bytes.length));
        const len = Buffer.alloc(4);
        len.writeUInt32BE(part.length);
        socket.write(len);
        socket.write(part);
      }
      socket.write(Buffer.alloc(4)); // zero length: end of stream
    });
  });
}

/**
 * Scans every file when CLAMAV_SOCKET is set; throws ValidationError on `field` naming the
 * infected files, or saying the scanner is unavailable. Call before storing uploads.
 */
export async function assertUploadsClean(files: readonly { fileName: string; bytes: Uint8Array }[], field = "attachments"): Promise<void> {
  const address = clamavSocket();
  if (!address || files.length === 0) return;
  const errors: string[] = [];
  for (const f of files) {
    const r = await scanBytes(f.bytes, address);
    if (r.status === "infected") errors.push(`“${f.fileName || "（无文件名）"}”：检测到病毒或恶意代码（${r.signature}），不允许上传`);
    if (r.status === "error") errors.push(`“${f.fileName || "（无文件名）"}”：病毒扫描服务暂时不可用，请稍后重试`);
  }
  if (errors.length > 0) throw new ValidationError({ [field]: errors }, `附件未通过病毒扫描，未保存任何内容：${errors.join("；")}`);
}
