import type { Metadata } from "next";
import { CategoryTreeList } from "@/components/public/category-tree-list";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageTitle } from "@/components/ui/page-title";
import { getCategoryTree } from "@/lib/site/catalog";
import { countCategories } from "@/lib/site/category-tree";
import { safeLoad } from "@/lib/site/safe-load";

export const metadata: Metadata = { title: "法定主动公开内容" };

/** The whole 法定主动公开内容 category tree, each category with its article label. */
export default async function CatalogPage() {
  const load = await safeLoad(getCategoryTree);
  const tree = load.ok ? load.data : [];
  return (
    <>
      <Breadcrumbs
        className="mb-4"
        items={[{ label: "首页", href: "/" }, { label: "政府信息公开", href: "/xxgk" }, { label: "法定主动公开内容" }]}
      />
      <PageTitle
        title="法定主动公开内容"
        description={
          <>
            按《中华人民共和国政府信息公开条例》第二十条、第二十一条规定的类目编排
            {tree.length > 0 ? `，共 ${countCategories(tree)} 个类目` : ""}。点击类目名称查看该类目下公开的政府信息。
          </>
        }
      />
      {!load.ok ? (
        <LoadError message={load.message} errorId={load.errorId} />
      ) : tree.length === 0 ? (
        <Alert tone="info" role="none" title="公开目录正在建设中" />
      ) : (
        <CategoryTreeList nodes={tree} />
      )}
    </>
  );
}
