import { db } from "@/lib/db/client";
import { departmentScope, requirePagePermission } from "@/lib/auth/guard";
import { Breadcrumbs, PageTitle } from "@/components/ui";
import { RequestRegisterForm } from "@/components/admin/request-register-form";
import { CHANNEL_LABELS, SUBMISSION_CHANNELS } from "@/lib/requests/rules/receipt-date";
import {
  APPLICANT_TYPE_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  ORGANIZATION_SUBTYPE_LABELS,
  PROVISION_FORM_LABELS,
} from "@/lib/requests/labels";
import { registerAction } from "../actions";

export const metadata = { title: "登记政府信息公开申请" };

const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function NewRequestPage() {
  const user = await requirePagePermission("request:register", "/admin/requests/new");
  const scope = await departmentScope(user);
  const depts = await db().department.findMany({
    where: { id: { in: scope } },
    select: { id: true, name: true },
    orderBy: { sortOrder: "asc" },
  });
  return (
    <>
      <Breadcrumbs items={[{ label: "依申请公开办理", href: "/admin/requests" }, { label: "登记申请" }]} />
      <PageTitle
        title="登记政府信息公开申请"
        description="当面、邮寄、传真、电子邮件提交的申请，以及口头提出、由工作人员代为填写的申请，在此登记。收到申请之日按《条例》第三十一条确定。"
      />
      <RequestRegisterForm
        action={registerAction}
        departments={depts.map((d) => ({ value: d.id, label: d.name }))}
        options={{
          channels: SUBMISSION_CHANNELS.filter((c) => c !== "ONLINE").map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
          applicantTypes: opts(APPLICANT_TYPE_LABELS),
          subtypes: opts(ORGANIZATION_SUBTYPE_LABELS),
          idTypes: opts(ID_TYPE_LABELS),
          forms: opts(PROVISION_FORM_LABELS),
          deliveries: opts(DELIVERY_METHOD_LABELS),
        }}
      />
    </>
  );
}
