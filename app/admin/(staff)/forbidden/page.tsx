import Link from "next/link";

export const metadata = { title: "无权访问" };

export default function Forbidden() {
  return (
    <section aria-labelledby="t" className="rounded border border-gray-300 bg-white p-6">
      <h1 id="t" className="mb-2 text-xl font-bold">
        无权访问
      </h1>
      <p className="mb-4">您的角色没有访问该页面的权限。如需开通，请联系系统管理员。</p>
      <Link href="/admin" className="text-blue-800 underline">
        返回工作台
      </Link>
    </section>
  );
}
