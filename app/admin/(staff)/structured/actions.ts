"use server";

// Thin: parse the form, call one verb (lib/structured/save-structured.ts or the disclosure
// workflow verbs, which authorize), say what happened.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clearCatalogueCache } from "@/lib/disclosure/public-cache";
import { publishItem } from "@/lib/disclosure/publish-item";
import { returnItem } from "@/lib/disclosure/return-item";
import { reviewItem } from "@/lib/disclosure/review-item";
import { signItem } from "@/lib/disclosure/sign-item";
import { submitItem } from "@/lib/disclosure/submit-item";
import { ValidationError } from "@/lib/errors";
import { StructuredKind } from "@/lib/generated/prisma/enums";
import { collapseFieldErrors, rawFromForm } from "@/lib/structured/form-input";
import { KIND_SLUGS } from "@/lib/structured/kinds";
import { createStructured, editStructured } from "@/lib/structured/save-structured";
import { staffFormAction } from "@/lib/verbs/form-action";

const form = z.looseObject({ kind: z.enum(StructuredKind, { error: "类型不正确" }) });

async function photoOf(v: unknown) {
  if (!(v instanceof File) || v.size === 0) return null;
  return { name: v.name, bytes: Buffer.from(await v.arrayBuffer()) };
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export const saveStructuredAction = staffFormAction(form, async (input, ctx) => {
  const kind = input.kind;
  const raw = rawFromForm(kind, input);
  const meta = {
    responsibleSection: str(input.responsibleSection),
    responsiblePerson: str(input.responsiblePerson),
    photo: await photoOf(input.photo),
  };
  const itemId = str(input.itemId);
  try {
    if (!itemId) {
      const r = await createStructured(ctx.user, kind, raw, meta, {
        ...ctx.opts(),
        predecessorItemId: str(input.predecessorItemId) || null,
      });
      revalidatePath("/admin/structured");
      redirect(`/admin/structured/${KIND_SLUGS[kind]}/${r.id}?saved=1`);
    }
    await editStructured(ctx.user, itemId, raw, { baseRevisionId: str(input.baseRevisionId), meta }, ctx.opts());
  } catch (e) {
    // The structured forms show nested fields' messages on their top-level inputs.
    if (e instanceof ValidationError) throw new ValidationError(collapseFieldErrors(e.fieldErrors), e.message);
    throw e;
  }
  revalidatePath(`/admin/structured/${KIND_SLUGS[kind]}/${itemId}`);
  return "已保存为新版本（草稿）。请提交保密审查，签发并发布后公众才能看到修改。";
});

const wf = z.object({
  op: z.enum(["submit", "review", "sign", "publish", "return"], { error: "操作不正确" }),
  itemId: z.string().min(1),
  path: z.string().startsWith("/admin/structured/"),
  expectedRevisionHash: z.string().default(""),
  comment: z.string().default(""),
});

export const structuredWorkflowAction = staffFormAction(wf, async (input, ctx) => {
  const opts = ctx.opts();
  switch (input.op) {
    case "submit":
      await submitItem(ctx.user, input.itemId, opts);
      break;
    case "review":
      await reviewItem(
        ctx.user,
        input.itemId,
        { decision: "CLEAR", expectedRevisionHash: input.expectedRevisionHash, comment: input.comment },
        opts,
      );
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
});
