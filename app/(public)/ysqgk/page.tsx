import type { Metadata } from "next";
import Link from "next/link";
import { ContactLink } from "@/components/public/contact-link";
import { LoadError } from "@/components/public/load-error";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { PageTitle } from "@/components/ui/page-title";
import { Table } from "@/components/ui/table";
import { FEE_BASIS_DOCUMENT, FEE_PAYMENT_WORKING_DAYS, FREE_APPLICATIONS_PER_MONTH, FREE_PAGES } from "@/lib/requests/rules/fees";
import { CORRECTION_NOTICE_WORKING_DAYS } from "@/lib/requests/rules/receipt-date";
import { CONSULTATION_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS, REPLY_WORKING_DAYS } from "@/lib/requests/rules/reply-deadline";
import { getPublicDepartments } from "@/lib/site/departments";
import { safeLoad } from "@/lib/site/safe-load";
import { getSiteSettings } from "@/lib/site/settings";

export const metadata: Metadata = { title: "依申请公开" };

const sectionTitle = "mb-3 text-xl font-bold text-ink sm:text-2xl";

/** 依申请公开: how to apply, where, what it costs, how long it takes; entry to the form, the tracker and the calculator. */
export default async function YsqgkPage() {
  const [settings, load] = await Promise.all([getSiteSettings(), safeLoad(getPublicDepartments)]);
  const departments = load.ok ? load.data.filter((d) => d.kind !== "GOVERNMENT") : [];
  return (
    <>
      <Breadcrumbs className="mb-4" items={[{ label: "首页", href: "/" }, { label: "依申请公开" }]} />
      <PageTitle
        title="依申请公开"
        description={`公民、法人或者其他组织可以向${settings.hostOrg}及县政府各部门申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。申请不需要说明用途，也不需要注册账号。`}
        actions={
          <>
            <LinkButton href="/ysqgk/apply" size="lg">
              在线申请
            </LinkButton>
            <LinkButton href="/ysqgk/track" variant="secondary" size="lg">
              办理进度查询
            </LinkButton>
          </>
        }
      />

      <div className="max-w-4xl space-y-10 leading-relaxed">
        <section aria-labelledby="one-matter">
          <Alert tone="warning" role="none" title={<span id="one-matter">一事一申请</span>}>
            每份申请只能申请一项政府信息（或者内容密切相关的一组信息）。需要多项信息的，请分别提交申请，以便准确检索、按时答复。
          </Alert>
        </section>

        <section aria-labelledby="how">
          <h2 id="how" className={sectionTitle}>
            申请方式
          </h2>
          <ul className="list-disc space-y-2 ps-6">
            <li>
              <strong>互联网在线申请：</strong>填写
              <Link href="/ysqgk/apply" className="text-link underline underline-offset-4">
                在线申请表
              </Link>
              ，
              提交后立即获得申请编号和查询码。以双方确认之日为收到申请之日（《条例》第三十一条第（三）项），工作人员确认后开始计算答复期限。
            </li>
            <li>
              <strong>当面提交：</strong>
              在办公时间到下列受理机关填写书面申请表，以提交之日为收到申请之日。书面申请确有困难的，可以口头提出，由工作人员代为填写。
            </li>
            <li>
              <strong>信函邮寄：</strong>
              请在信封上注明“政府信息公开申请”。挂号信、快递等需签收的，以签收之日为收到申请之日；平常信函以工作人员与您确认之日为收到申请之日。
            </li>
            <li>
              <strong>传真：</strong>以双方确认之日为收到申请之日。
            </li>
          </ul>
        </section>

        <section aria-labelledby="what">
          <h2 id="what" className={sectionTitle}>
            申请需要写明的内容（《条例》第二十九条）
          </h2>
          <ol className="list-decimal space-y-2 ps-6">
            <li>申请人的姓名或者名称、身份证明（居民身份证号码；法人或者其他组织为统一社会信用代码）、联系方式；</li>
            <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
            <li>申请公开的政府信息的形式要求（纸质、电子邮件、光盘等），以及获取信息的方式（自行领取、邮寄、电子邮件、网上下载）。</li>
          </ol>
          <p className="mt-3">申请人有阅读困难或者视听障碍的，可以在申请中说明，行政机关将提供必要的帮助（《条例》第四十三条）。</p>
        </section>

        <section aria-labelledby="deadlines">
          <h2 id="deadlines" className={sectionTitle}>
            办理期限
          </h2>
          <p className="mb-3">
            以下期限均按<strong>工作日</strong>计算（不含周末和法定节假日，调休上班日计入），收到申请的当天不计入。
          </p>
          <ul className="list-disc space-y-2 ps-6">
            <li>
              <strong>答复：</strong>收到申请之日起{REPLY_WORKING_DAYS}个工作日内答复；能够当场答复的，当场答复（《条例》第三十三条）。
            </li>
            <li>
              <strong>延期：</strong>需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过
              {MAX_EXTENSION_WORKING_DAYS}个工作日。
            </li>
            <li>
              <strong>补正：</strong>申请内容不明确的，行政机关在收到申请之日起{CORRECTION_NOTICE_WORKING_DAYS}
              个工作日内一次性告知需要补正的事项。答复期限自收到补正后的申请之日起重新计算；无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）。在线申请的，可以在
              <Link href="/ysqgk/track" className="text-link underline underline-offset-4">
                办理进度查询
              </Link>
              页面直接提交补正。
            </li>
            <li>
              <strong>征求意见：</strong>需要征求第三方或者其他机关意见的，对方有{CONSULTATION_WORKING_DAYS}
              个工作日提出意见，所需时间不计算在答复期限内（《条例》第三十二条、第三十四条）。
            </li>
            <li>
              <strong>缴费：</strong>需要收取信息处理费的，自收到收费通知之次日起{FEE_PAYMENT_WORKING_DAYS}
              个工作日内缴纳，缴费期间不计算在答复期限内；逾期未缴纳的，视为放弃申请。
            </li>
          </ul>
          <p className="mt-3">
            想知道具体哪一天到期？请使用
            <Link href="/ysqgk/calculator" className="text-link underline underline-offset-4">
              答复期限计算器
            </Link>
            。
          </p>
        </section>

        <section aria-labelledby="fees">
          <h2 id="fees" className={sectionTitle}>
            收费
          </h2>
          <p>
            行政机关依申请提供政府信息，<strong>原则上不收取费用</strong>。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照
            {FEE_BASIS_DOCUMENT}收取信息处理费，按件计收和按量计收只选择一种方式：
          </p>
          <ul className="mt-3 list-disc space-y-2 ps-6">
            <li>
              <strong>按件计收：</strong>同一申请人一个自然月内累计申请{FREE_APPLICATIONS_PER_MONTH}
              件以下（含）的不收费；11—30件的部分100元/件；31件以上以10件为一档，每增加一档提高100元/件。
            </li>
            <li>
              <strong>按量计收：</strong>同一申请{FREE_PAGES}
              页以下（含）的不收费；31—100页的部分10元/页；101—200页的部分20元/页；201页以上的部分40元/页。
            </li>
          </ul>
          <p className="mt-3">
            需要收费的，行政机关会发出收费通知，写明收费依据、标准、金额和缴费方式；在线申请的也可以在办理进度查询页面看到。
          </p>
        </section>

        <section aria-labelledby="where">
          <h2 id="where" className={sectionTitle}>
            受理机关和联系方式
          </h2>
          {!load.ok ? <LoadError message={load.message} errorId={load.errorId} /> : null}
          {load.ok && departments.length === 0 ? <Alert tone="info" role="none" title="机构信息正在整理中" /> : null}
          {departments.length > 0 ? (
            <Table caption="受理政府信息公开申请的机关">
              <thead>
                <tr>
                  <th scope="col">机关</th>
                  <th scope="col">地址</th>
                  <th scope="col">电话 / 传真</th>
                  <th scope="col">办公时间</th>
                </tr>
              </thead>
              <tbody>
                {departments.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="font-bold">
                      {d.name}
                    </th>
                    <td>
                      {d.address || "暂未公布"}
                      {d.postalCode ? `（邮编 ${d.postalCode}）` : ""}
                    </td>
                    <td>
                      {d.phone ? <ContactLink kind="phone" value={d.phone} /> : "暂未公布"}
                      {d.fax ? <span className="block">传真：{d.fax}</span> : null}
                      {d.email ? (
                        <span className="block">
                          邮箱：
                          <ContactLink kind="email" value={d.email} />
                        </span>
                      ) : null}
                    </td>
                    <td>{d.officeHours || "工作日"}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </section>

        <section aria-labelledby="remedy">
          <h2 id="remedy" className={sectionTitle}>
            救济途径
          </h2>
          <p>
            申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
          </p>
        </section>
      </div>
    </>
  );
}
