import { describe, expect, it } from "vitest";
import { buildCategoryTree, categoryHref, countCategories, LOCAL_CATEGORY_LABEL, type CategoryRow } from "@/lib/site/category-tree";

const row = (id: string, parentId: string | null, extra: Partial<CategoryRow> = {}): CategoryRow => ({
  id,
  code: id.toUpperCase(),
  name: `类目${id}`,
  article: "",
  description: "",
  parentId,
  sortOrder: 0,
  ...extra,
});

describe("buildCategoryTree", () => {
  it("nests by parent and orders by sortOrder, then code", () => {
    const tree = buildCategoryTree([
      row("b", null, { sortOrder: 2 }),
      row("a2", "a", { code: "A02" }),
      row("a", null, { sortOrder: 1, article: "第二十条第（一）项" }),
      row("a1", "a", { code: "A01" }),
    ]);
    expect(tree.map((n) => n.id)).toEqual(["a", "b"]);
    expect(tree[0]?.children.map((n) => n.id)).toEqual(["a1", "a2"]);
    expect(tree[0]?.children[0]?.depth).toBe(1);
    expect(countCategories(tree)).toBe(4);
  });

  it("inherits the nearest ancestor's article and labels local categories", () => {
    const tree = buildCategoryTree([
      row("a", null, { article: "第二十一条" }),
      row("a1", "a"),
      row("a11", "a1", { article: "第二十一条（社会救助）" }),
      row("z", null),
    ]);
    expect(tree[0]?.articleLabel).toBe("第二十一条");
    expect(tree[0]?.children[0]?.articleLabel).toBe("第二十一条");
    expect(tree[0]?.children[0]?.article).toBe("");
    expect(tree[0]?.children[0]?.children[0]?.articleLabel).toBe("第二十一条（社会救助）");
    expect(tree[1]?.articleLabel).toBe(LOCAL_CATEGORY_LABEL);
  });

  it("keeps orphans and cycle members reachable at the top level", () => {
    const tree = buildCategoryTree([row("o", "missing"), row("x", "y"), row("y", "x"), row("c", "x")]);
    expect(tree.map((n) => n.id).sort()).toEqual(["o", "x", "y"]);
    expect(countCategories(tree)).toBe(4);
  });

  it("returns an empty tree for no rows", () => {
    expect(buildCategoryTree([])).toEqual([]);
  });
});

describe("categoryHref", () => {
  it("encodes the code", () => {
    expect(categoryHref("A0101")).toBe("/xxgk/catalog/A0101");
    expect(categoryHref("地方/1")).toBe("/xxgk/catalog/%E5%9C%B0%E6%96%B9%2F1");
  });
});
