// graphile-worker's log lines, routed to the console at the right level. A failed attempt
// is a warning (it is retried, and JobRun records it with its error); the handler wrapper
// reports a job parked as failed as an error itself (lib/jobs/handlers.ts).

import { Logger, type LogFunctionFactory } from "graphile-worker";

/** The first line (a stack trace follows a failure), without the colon that led into it. */
const firstLine = (message: string) => message.replace(/:?\n[\s\S]*$/, "");

const factory: LogFunctionFactory = (scope) => (logLevel, message, meta) => {
  // LogLevel is a const enum of these strings (not importable under isolatedModules).
  const level: string = logLevel;
  const line = `[后台任务]${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""} ${firstLine(message)}`;
  if (level === "error") {
    if (meta?.failure === true) console.warn(line);
    else console.error(line);
  } else if (level === "warning") console.warn(line);
  else if (level === "info" && process.env.JOBS_LOG === "verbose") console.info(line);
};

export const jobLogger = new Logger(factory);

/** For schema installation: only problems are worth a line. */
export const quietJobLogger = new Logger(() => (logLevel, message) => {
  const level: string = logLevel;
  if (level === "error") console.error(`[后台任务] ${message}`);
  else if (level === "warning") console.warn(`[后台任务] ${message}`);
});
