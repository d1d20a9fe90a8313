import type { DiffCell, RevisionDiff } from "@/lib/disclosure/rules/revision";

function Cell({ cell }: { cell: DiffCell | null }) {
  if (!cell) return <td className="bg-gray-50" />;
  return (
    <td className="whitespace-pre-wrap break-words">
      {cell.segments.map((s, i) =>
        s.op === "equal" ? (
          <span key={i}>{s.text}</span>
        ) : s.op === "removed" ? (
          <del key={i} className="bg-red-100 text-red-900">
            <span className="sr-only">［删除：</span>
            {s.text}
            <span className="sr-only">］</span>
          </del>
        ) : (
          // Marked by more than colour: bold with an underline, and announced to screen readers.
          <ins key={i} className="bg-green-100 font-bold text-green-900 underline decoration-2">
            <span className="sr-only">［新增：</span>
            {s.text}
            <span className="sr-only">］</span>
          </ins>
        ),
      )}
    </td>
  );
}

/** Side-by-side diff of two revisions: changed fields first, with del/ins marks. */
export function DisclosureDiff({
  diff,
  leftLabel,
  rightLabel,
  showUnchanged = false,
}: {
  diff: RevisionDiff;
  leftLabel: string;
  rightLabel: string;
  showUnchanged?: boolean;
}) {
  const fields = diff.fields.filter((f) => showUnchanged || f.changed);
  if (!diff.changed) return <p role="status">两个版本的内容相同。</p>;
  return (
    <div className="space-y-6">
      {fields.map((f) => (
        <section key={f.field} aria-labelledby={`diff-${f.field}`}>
          <h3 id={`diff-${f.field}`} className="mb-2 font-bold">
            {f.label}
            {f.changed ? <span className="ml-2 text-sm font-normal text-red-800">（有修改）</span> : null}
          </h3>
          <div className="overflow-x-auto">
            <table className="w-full table-fixed border-collapse text-sm [&_td]:border [&_td]:border-gray-300 [&_td]:p-2 [&_th]:border [&_th]:border-gray-300 [&_th]:bg-gray-100 [&_th]:p-2">
              <caption className="sr-only">{f.label}的修改对照</caption>
              <thead>
                <tr>
                  <th scope="col">{leftLabel}</th>
                  <th scope="col">{rightLabel}</th>
                </tr>
              </thead>
              <tbody>
                {f.rows.length === 0 ? (
                  <tr>
                    <td>（空）</td>
                    <td>（空）</td>
                  </tr>
                ) : (
                  f.rows.map((r, i) => (
                    <tr key={i}>
                      <Cell cell={r.left} />
                      <Cell cell={r.right} />
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
