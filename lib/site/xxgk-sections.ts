// The fixed parts of the 政府信息公开 column (国办发〔2017〕47号; reference §7),
// with the short descriptions shown on the home and column pages.

export type XxgkSection = { key: string; href: string; title: string; description: string };

export const XXGK_SECTIONS: readonly XxgkSection[] = [
  {
    key: "guide",
    href: "/xxgk/guide",
    title: "政府信息公开指南",
    description: "政府信息的分类与编排、获取方式，以及政府信息公开工作机构的名称、地址、办公时间、联系电话和传真。",
  },
  {
    key: "rules",
    href: "/xxgk/rules",
    title: "政府信息公开制度",
    description: "本机关政府信息公开工作的制度文件，包括保密审查、主动公开、依申请公开等工作规定。",
  },
  {
    key: "catalog",
    href: "/xxgk/catalog",
    title: "法定主动公开内容",
    description: "按《中华人民共和国政府信息公开条例》第二十条、第二十一条规定的类目，主动公开的政府信息。",
  },
  {
    key: "ysqgk",
    href: "/ysqgk",
    title: "依申请公开",
    description: "公民、法人或者其他组织可以依法申请获取政府信息。这里提供申请须知、在线申请和办理结果查询。",
  },
  {
    key: "annual-reports",
    href: "/xxgk/annual-reports",
    title: "政府信息公开年报",
    description: "各机关公布的上一年度政府信息公开工作年度报告：政府部门每年1月31日前，县级以上人民政府每年3月31日前。",
  },
];

/** The 机构信息 page, linked beside the fixed parts. */
export const DEPARTMENTS_SECTION: XxgkSection = {
  key: "departments",
  href: "/xxgk/departments",
  title: "政府信息公开机构",
  description: "各机构的办公地址、办公时间、联系电话和负责人。",
};
