import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden } from "@/components/forms/field";
import { PageTitle, Table } from "@/components/ui";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatMoment } from "@/lib/jobs/format";
import { JOB_STATE_LABELS, taskLabel } from "@/lib/jobs/labels";
import { jobPolicy } from "@/lib/jobs/policy";
import { jobState, listJobRuns, listQueueJobs, type QueueJob } from "@/lib/jobs/queries";
import { retryJobAction } from "./actions";

export const metadata = { title: "后台任务" };

export default async function JobsPage() {
  await requirePagePermission("jobs:manage", "/admin/jobs");
  const [jobs, done, failedRuns] = await Promise.all([listQueueJobs(), listJobRuns("SUCCEEDED", 50), listJobRuns("FAILED", 20)]);
  const failed = jobs.filter((j) => jobState(j) === "FAILED");
  const pending = jobs.filter((j) => jobState(j) !== "FAILED");
  return (
    <>
      <PageTitle
        title="后台任务"
        description="邮件发送、答复书生成、定时发布等工作在后台执行：失败的任务按指数退避自动重试，用完重试次数后停在“已失败”并保留最后的错误，可在此手动重试。定时任务每次无事可做时不记录。"
      />

      <section aria-labelledby="failed-h" className="mb-8">
        <h2 id="failed-h" className="mb-3 text-xl font-bold">
          已失败（{failed.length}）
        </h2>
        {failed.length === 0 ? (
          <p className="text-ink-soft">没有失败的任务。</p>
        ) : (
          <Table caption="已失败的任务" captionHidden>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">任务</th>
                <th scope="col">尝试次数</th>
                <th scope="col">最后错误</th>
                <th scope="col">最后尝试</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((j) => (
                <tr key={j.id}>
                  <td className="font-mono">{j.id}</td>
                  <td>
                    {taskLabel(j.task)}
                    <MailLink job={j} />
                  </td>
                  <td>
                    {j.attempts} / {j.maxAttempts}
                  </td>
                  <td className="max-w-md break-words text-red-900">{j.lastError ?? "—"}</td>
                  <td className="whitespace-nowrap">{formatMoment(j.runAt)}</td>
                  <td>
                    {jobPolicy(j).retry.allowed ? (
                      <ActionForm action={retryJobAction} submitLabel="重试">
                        <Hidden name="jobId" value={j.id} />
                      </ActionForm>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="pending-h" className="mb-8">
        <h2 id="pending-h" className="mb-3 text-xl font-bold">
          排队与执行中（{pending.length}）
        </h2>
        {pending.length === 0 ? (
          <p className="text-ink-soft">队列为空。</p>
        ) : (
          <Table caption="排队与执行中的任务" captionHidden>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">任务</th>
                <th scope="col">状态</th>
                <th scope="col">计划执行时间</th>
                <th scope="col">尝试次数</th>
                <th scope="col">上次错误</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((j) => (
                <tr key={j.id}>
                  <td className="font-mono">{j.id}</td>
                  <td>
                    {taskLabel(j.task)}
                    <MailLink job={j} />
                  </td>
                  <td>{JOB_STATE_LABELS[jobState(j)]}</td>
                  <td className="whitespace-nowrap">{formatMoment(j.runAt)}</td>
                  <td>
                    {j.attempts} / {j.maxAttempts}
                  </td>
                  <td className="max-w-md break-words">{j.lastError ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="done-h" className="mb-8">
        <h2 id="done-h" className="mb-3 text-xl font-bold">
          最近完成
        </h2>
        {done.length === 0 ? (
          <p className="text-ink-soft">暂无记录。</p>
        ) : (
          <Table caption="最近完成的任务" captionHidden>
            <thead>
              <tr>
                <th scope="col">完成时间</th>
                <th scope="col">任务</th>
                <th scope="col">编号</th>
                <th scope="col">第几次尝试</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {done.map((r) => (
                <tr key={r.id.toString()}>
                  <td className="whitespace-nowrap">{formatMoment(r.finishedAt)}</td>
                  <td>{taskLabel(r.task)}</td>
                  <td className="font-mono">{r.jobId}</td>
                  <td>{r.attempt}</td>
                  <td>{r.note || JOB_STATE_LABELS.DONE}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="attempts-h">
        <h2 id="attempts-h" className="mb-3 text-xl font-bold">
          最近失败的尝试
        </h2>
        {failedRuns.length === 0 ? (
          <p className="text-ink-soft">暂无记录。</p>
        ) : (
          <Table caption="最近失败的尝试" captionHidden>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">任务</th>
                <th scope="col">编号</th>
                <th scope="col">第几次尝试</th>
                <th scope="col">错误</th>
              </tr>
            </thead>
            <tbody>
              {failedRuns.map((r) => (
                <tr key={r.id.toString()}>
                  <td className="whitespace-nowrap">{formatMoment(r.finishedAt)}</td>
                  <td>{taskLabel(r.task)}</td>
                  <td className="font-mono">{r.jobId}</td>
                  <td>
                    {r.attempt} / {r.maxAttempts}
                  </td>
                  <td className="max-w-md break-words">{r.note}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}

/** A mail job links to its message. */
function MailLink({ job }: { job: QueueJob }) {
  const p = job.payload;
  const mailId = job.task === "mail.send" && p && typeof p === "object" && "mailId" in p && typeof p.mailId === "string" ? p.mailId : null;
  if (!mailId) return null;
  return (
    <>
      {" "}
      <Link className="text-blue-800 underline" href={`/admin/mail/${encodeURIComponent(mailId)}`}>
        查看邮件
      </Link>
    </>
  );
}
