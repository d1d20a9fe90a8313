import { requirePagePermission } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { categoryOptions, publishedItemOptions } from "@/lib/disclosure/form-options";
import { civilDateInShanghai } from "@/lib/calendar/civil-date";
import { DisclosureItemForm } from "@/components/admin/disclosure-item-form";
import { DisclosureSubnav } from "@/components/admin/disclosure-subnav";
import { createItemAction } from "../actions";

export const metadata = { title: "新建主动公开信息" };

export default async function NewItemPage() {
  const user = await requirePagePermission("disclosure:draft", "/admin/disclosures/new");
  const [categories, items] = await Promise.all([categoryOptions(), publishedItemOptions(user)]);
  const today = civilDateInShanghai(new Date());
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">新建主动公开信息</h1>
      <DisclosureSubnav user={user} current="/admin/disclosures/new" />
      <p className="mb-4">保存后为草稿，索引号自动生成；提交后依次进行保密审查和签发。标 * 的为必填项。</p>
      <DisclosureItemForm
        action={createItemAction}
        submitLabel="保存草稿"
        defaults={{ writtenOn: today, formedOn: today, responsiblePerson: user.displayName }}
        categories={categories}
        items={items}
        maxMb={env().UPLOAD_MAX_MB}
      />
    </>
  );
}
