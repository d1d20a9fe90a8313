import { db } from "@/lib/db/client";
import { requirePagePermission } from "@/lib/auth/guard";
import { ActionForm } from "@/components/forms/action-form";
import { Hidden, TextField } from "@/components/forms/field";
import { saveSiteSettingsAction } from "./actions";

export const metadata = { title: "网站设置" };

export default async function SettingsPage() {
  await requirePagePermission("settings:manage", "/admin/settings");
  const s = await db().siteSetting.findUnique({ where: { id: 1 } });
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">网站设置</h1>
      <p className="mb-6 text-gray-700">以下信息显示在门户网站的页头和页脚（国办发〔2017〕47号要求的网站标识）。</p>
      <ActionForm action={saveSiteSettingsAction} className="max-w-2xl rounded border border-gray-300 bg-white p-6">
        <Hidden name="version" value={String(s?.updatedAt.getTime() ?? 0)} />
        <TextField name="siteName" label="网站名称" required defaultValue={s?.siteName} />
        <TextField name="hostOrg" label="主办单位" required defaultValue={s?.hostOrg} />
        <TextField name="organizerOrg" label="承办单位" defaultValue={s?.organizerOrg} />
        <TextField name="address" label="地址" defaultValue={s?.address} />
        <TextField name="postalCode" label="邮政编码" defaultValue={s?.postalCode} />
        <TextField name="phone" label="联系电话" type="tel" defaultValue={s?.phone} />
        <TextField name="email" label="电子邮箱" type="email" defaultValue={s?.email} />
        <TextField name="siteCode" label="网站标识码" hint="10 位数字" defaultValue={s?.siteCode} />
        <TextField name="icpNo" label="ICP备案号" defaultValue={s?.icpNo} />
        <TextField name="psbNo" label="公安机关备案号" defaultValue={s?.psbNo} />
      </ActionForm>
    </>
  );
}
