// The closed list of background tasks and their payloads. The job runner registers one
// handler per name (lib/jobs/runner.ts); `enqueueJob` only accepts these names, with the
// payload typed for each.

export type JobPayloads = {
  /** Send one queued mail (row in OutboundMail). */
  "mail.send": { mailId: string };
  /** Publish what is due (定时发布); also scheduled by cron. */
  "disclosure.publish-due": Record<string, never>;
  /** Re-derive fees' 有效性 after a publication or when a date passes; also by cron. */
  "structured.fee-validity": Record<string, never>;
  /** Render and store the reply letter of a signed reply. */
  "request.render-reply-letter": { applicationId: string; replyId: string };
  /** Extract the text of newly attached PDF/DOCX files for search. */
  "search.extract-attachments": Record<string, never>;
  /** Delete the job attempt log (JobRun) past its retention; by cron, daily. */
  "jobs.prune-runs": Record<string, never>;
};

export type JobName = keyof JobPayloads;
