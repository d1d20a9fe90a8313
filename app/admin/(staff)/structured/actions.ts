"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedFormAction, type ActionState } from "@/lib/auth/action";
import { clearCatalogueCache } from "@/lib/disclosure/public-cache";
import { publishItem } from "@/lib/disclosure/publish-item";
import { returnItem } from "@/lib/disclosure/return-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { ValidationError } from "@/lib/errors";
import type { StructuredKind } from "@/lib/generated/prisma/enums";
import { collapseFieldErrors, rawFromForm } from "@/lib/structured/form-input";
import { KIND_SLUGS } from "@/lib/structured/kinds";
import { createStructured, editStructured } from "@/lib/structured/save-structured";

const KIND_VALUES = ["FEE", "DEPARTMENT_PROFILE", "LEADER", "SERVICE", "GUIDE"] as const;
const form = z.looseObject({ kind: z.enum(KIND_VALUES, { error: "类型不正确" }) });

async function photoOf(v: unknown) {
  if (!(v instanceof File) || v.size === 0) return null;
  return { name: v.name, bytes: Buffer.from(await v.arrayBuffer()) };
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

const save = authorizedFormAction(
  "structured:draft",
  form,
  async (input, ctx) => {
    const kind = input.kind as StructuredKind;
    const raw = rawFromForm(kind, input);
    const meta = {
      responsibleSection: str(input.responsibleSection),
      responsiblePerson: str(input.responsiblePerson),
      photo: await photoOf(input.photo),
    };
    const itemId = str(input.itemId);
    try {
      if (!itemId) {
        const r = await createStructured(ctx.user, kind, raw, meta, { ip: ctx.ip, predecessorItemId: str(input.predecessorItemId) || null });
        revalidatePath("/admin/structured");
        redirect(`/admin/structured/${KIND_SLUGS[kind]}/${r.id}?saved=1`);
      }
      await editStructured(ctx.user, itemId, raw, { baseRevisionId: str(input.baseRevisionId), meta }, { ip: ctx.ip });
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(collapseFieldErrors(e.fieldErrors), e.message);
      throw e;
    }
    revalidatePath(`/admin/structured/${KIND_SLUGS[kind]}/${itemId}`);
    return "已保存为新版本（草稿）。请提交保密审查，签发并发布后公众才能看到修改。";
  },
  { action: "structured.save" },
);
export async function saveStructuredAction(prev: ActionState, fd: FormData) {
  return save(prev, fd);
}

const wf = z.object({
  op: z.enum(["submit", "review", "sign", "publish", "return"]),
  itemId: z.string().min(1),
  path: z.string().startsWith("/admin/structured/"),
  expectedRevisionHash: z.string().default(""),
  comment: z.string().default(""),
});

const workflow = authorizedFormAction(
  "admin:access",
  wf,
  async (input, ctx) => {
    const opts = { ip: ctx.ip };
    switch (input.op) {
      case "submit":
        await submitItem(ctx.user, input.itemId, opts);
        break;
      case "review":
        await reviewItem(ctx.user, input.itemId, { decision: "CLEAR", expectedRevisionHash: input.expectedRevisionHash, comment: input.comment }, opts);
        break;
      case "sign":
        await signItem(ctx.user, input.itemId, { expectedRevisionHash: input.expectedRevisionHash, comment: input.comment }, opts);
        break;
      case "publish":
        await publishItem(ctx.user, input.itemId, { expectedRevisionHash: input.expectedRevisionHash }, opts);
        // After commit: this process need not wait for its own NOTIFY to drop stale pages.
        clearCatalogueCache();
        break;
      case "return":
        await returnItem(ctx.user, input.itemId, { comment: input.comment }, opts);
        break;
    }
    revalidatePath(input.path);
    // The form that was used may no longer be offered in the new state: say what happened
    // on the reloaded page instead (StructuredWorkflow shows ?done=).
    redirect(`${input.path}?done=${input.op}`);
  },
  { action: "structured.workflow" },
);
export async function structuredWorkflowAction(prev: ActionState, fd: FormData) {
  return workflow(prev, fd);
}
