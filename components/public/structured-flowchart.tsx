import type { ServiceStep } from "@/lib/structured/rules/service";

/**
 * The process as a flowchart of boxes joined by arrows (pure CSS, server-rendered, prints
 * on A4). The picture is hidden from screen readers; the ordered list beside it carries the
 * same steps for them (and for anyone who prefers text).
 */
export function StructuredFlowchart({ steps }: { steps: ServiceStep[] }) {
  return (
    <figure className="my-4">
      <div aria-hidden="true" className="flex flex-col items-center" data-testid="flowchart">
        <div className="rounded-full border-2 border-ink px-6 py-1 font-bold">开始</div>
        {steps.map((s, i) => (
          <div key={i} className="flex flex-col items-center">
            <div className="h-6 w-0.5 bg-ink" />
            <div className="-mt-1 text-ink">▼</div>
            <div className="w-72 max-w-full break-inside-avoid rounded border-2 border-brand bg-surface px-4 py-2 text-center">
              <div className="font-bold">
                {i + 1}. {s.name}
              </div>
              <div className="text-sm">承办：{s.unit}</div>
              <div className="text-sm">时限：{s.timeLimit}</div>
            </div>
          </div>
        ))}
        <div className="h-6 w-0.5 bg-ink" />
        <div className="-mt-1 text-ink">▼</div>
        <div className="rounded-full border-2 border-ink px-6 py-1 font-bold">办结</div>
      </div>
      <figcaption className="mt-4">
        <span className="font-bold">办理流程（文字版）：</span>
        <ol className="mt-1 list-decimal ps-6" data-testid="flow-steps">
          {steps.map((s, i) => (
            <li key={i}>
              {s.name}（承办单位：{s.unit}；办理时限：{s.timeLimit}）
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
