import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { PublicItemDetail } from "@/lib/disclosure/public-queries";
import { itemPath } from "@/lib/disclosure/public-params";
import { chineseDate, validityLabel, withdrawalLabel } from "@/lib/disclosure/public-format";

/**
 * The banners above an item that is no longer fully in force: withdrawn with a notice
 * (已失效/废止), or 有效性 已修改/已废止/已失效 (with a link to what replaced it). Stated in
 * words, not by colour.
 */
export function DisclosureNotices({ item }: { item: PublicItemDetail }) {
  return (
    <>
      {item.withdrawal ? (
        <Alert tone="warning" role="none" className="mb-4" title={`本信息已撤回（${withdrawalLabel(item.withdrawal.reason)}）`}>
          <p>
            {item.withdrawal.at ? `撤回日期：${chineseDate(item.withdrawal.at)}。` : null}
            以下内容仅供查阅，不再作为现行有效的政府信息。
          </p>
          {item.withdrawal.note ? <p className="mt-1">说明：{item.withdrawal.note}</p> : null}
        </Alert>
      ) : null}
      {item.validity !== "VALID" ? (
        <Alert tone="warning" role="none" className="mb-4" title={`本文件${validityLabel(item.validity)}`}>
          {item.replacedBy ? (
            <p>
              {item.validity === "AMENDED" ? "修改后的文件：" : "相关文件："}
              <Link href={itemPath(item.replacedBy.id)} className="text-link underline underline-offset-4">
                {item.replacedBy.title}
              </Link>
            </p>
          ) : (
            <p>本文件已不再有效，仅供查阅。</p>
          )}
        </Alert>
      ) : null}
    </>
  );
}
