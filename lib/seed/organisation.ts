import type { DepartmentKind, Role } from "@/lib/generated/prisma/enums";

// The demo county: 青山县 (fictional). Codes are 9-character organisation
// codes of the kind used in 索引号.

export type DepartmentSeed = {
  code: string;
  name: string;
  shortName: string;
  kind: DepartmentKind;
  parent?: string; // code of the parent
  address: string;
  headName: string;
  phone: string;
  fax?: string;
  email?: string;
};

const HOURS = "工作日 上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）";
const POSTAL = "323800";

export const DEPARTMENTS: DepartmentSeed[] = [
  {
    code: "002581001",
    name: "青山县人民政府",
    shortName: "县政府",
    kind: "GOVERNMENT",
    address: "青山县青山街道人民路1号",
    headName: "林建国",
    phone: "0578-6120001",
    fax: "0578-6120002",
    email: "xxgk@qingshan.gov.cn",
  },
  {
    code: "002581002",
    name: "青山县人民政府办公室",
    shortName: "县府办",
    kind: "OFFICE",
    parent: "002581001",
    address: "青山县青山街道人民路1号行政中心3楼",
    headName: "周文华",
    phone: "0578-6120011",
    fax: "0578-6120012",
    email: "xfb@qingshan.gov.cn",
  },
  {
    code: "002581101",
    name: "青山县发展和改革局",
    shortName: "县发改局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道人民路1号行政中心5楼",
    headName: "陈志远",
    phone: "0578-6121101",
  },
  {
    code: "002581102",
    name: "青山县财政局",
    shortName: "县财政局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道府前路18号",
    headName: "王丽萍",
    phone: "0578-6121201",
  },
  {
    code: "002581103",
    name: "青山县教育局",
    shortName: "县教育局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道学府路66号",
    headName: "李明德",
    phone: "0578-6121301",
  },
  {
    code: "002581104",
    name: "青山县民政局",
    shortName: "县民政局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道民生路9号",
    headName: "张秀英",
    phone: "0578-6121401",
  },
  {
    code: "002581105",
    name: "青山县人力资源和社会保障局",
    shortName: "县人社局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道新华路120号",
    headName: "刘海涛",
    phone: "0578-6121501",
  },
  {
    code: "002581106",
    name: "青山县自然资源和规划局",
    shortName: "县自然资源局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道环城东路2号",
    headName: "吴卫东",
    phone: "0578-6121601",
  },
  {
    code: "002581107",
    name: "青山县住房和城乡建设局",
    shortName: "县住建局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道环城东路8号",
    headName: "赵永刚",
    phone: "0578-6121701",
  },
  {
    code: "002581108",
    name: "青山县市场监督管理局",
    shortName: "县市场监管局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道工业路33号",
    headName: "孙红梅",
    phone: "0578-6121801",
  },
  {
    code: "002581109",
    name: "青山县卫生健康局",
    shortName: "县卫健局",
    kind: "BUREAU",
    parent: "002581001",
    address: "青山县青山街道健康路5号",
    headName: "郑国平",
    phone: "0578-6121901",
  },
  {
    code: "002581201",
    name: "青山县青山街道办事处",
    shortName: "青山街道",
    kind: "TOWNSHIP",
    parent: "002581001",
    address: "青山县青山街道中山路200号",
    headName: "黄晓军",
    phone: "0578-6122001",
  },
].map((d) => ({ ...d, officeHours: HOURS, postalCode: POSTAL })) as DepartmentSeed[];

export const DEMO_PASSWORD = "Qingshan2026";

export type UserSeed = { username: string; displayName: string; roles: Role[]; department: string };

/** One demo account for each role (listed in the README), plus colleagues. */
export const DEMO_USERS: UserSeed[] = [
  { username: "admin", displayName: "系统管理员", roles: ["ADMIN"], department: "002581002" },
  { username: "clerk", displayName: "何晓燕", roles: ["CLERK"], department: "002581101" },
  { username: "reviewer", displayName: "许志强", roles: ["REVIEWER"], department: "002581101" },
  { username: "director", displayName: "陈志远", roles: ["DIRECTOR"], department: "002581101" },
  { username: "principal", displayName: "马国华", roles: ["PRINCIPAL"], department: "002581101" },
  { username: "county_principal", displayName: "林建国", roles: ["PRINCIPAL"], department: "002581001" },
  { username: "office_clerk", displayName: "杨佳慧", roles: ["CLERK"], department: "002581002" },
  { username: "office_reviewer", displayName: "唐宏伟", roles: ["REVIEWER"], department: "002581002" },
  { username: "office_director", displayName: "周文华", roles: ["DIRECTOR"], department: "002581002" },
  { username: "finance_clerk", displayName: "钱佩琳", roles: ["CLERK"], department: "002581102" },
  { username: "finance_director", displayName: "王丽萍", roles: ["DIRECTOR"], department: "002581102" },
  { username: "edu_clerk", displayName: "冯雨桐", roles: ["CLERK"], department: "002581103" },
  { username: "edu_director", displayName: "李明德", roles: ["DIRECTOR"], department: "002581103" },
];

export const SITE = {
  siteName: "青山县人民政府",
  hostOrg: "青山县人民政府办公室",
  organizerOrg: "青山县大数据发展中心",
  address: "青山县青山街道人民路1号",
  postalCode: "323800",
  phone: "0578-6120011",
  email: "xxgk@qingshan.gov.cn",
  siteCode: "3311270001",
  icpNo: "浙ICP备05012345号",
  psbNo: "浙公网安备 33112702000123号",
};
