import type { JsonValue } from "@domovoi/runtime";
import type { FieldChange } from "../model/diff.js";
import type { Change, ChangeAction, Plan } from "./plan.js";

const SYMBOLS: Readonly<Record<ChangeAction, string>> = {
  create: "+",
  update: "~",
  replace: "±",
  delete: "-",
};

/** The plan as people read it: a summary line, one line per change, then changed fields. */
export function renderPlanText(plan: Plan): string {
  const counts = (action: ChangeAction) => plan.changes.filter((c) => c.action === action).length;
  const lines = [
    `Plan for ${plan.app}, stage ${plan.stage} (account ${plan.account}, ${plan.region}): ` +
      `${counts("create")} to create, ${counts("update")} to update, ${counts("replace")} to replace, ` +
      `${counts("delete")} to delete, ${plan.unchanged.length} unchanged.`,
  ];
  const kindWidth = Math.max(0, ...plan.changes.map((c) => c.kind.length));
  for (const change of plan.changes) lines.push(...changeLines(change, kindWidth));
  if (plan.changes.length === 0) lines.push("  No changes: the stage is up to date.");
  if (plan.warnings.length > 0) {
    lines.push("", "Warnings:", ...plan.warnings.map((warning) => `  ! ${warning}`));
  }
  return `${lines.join("\n")}\n`;
}

function changeLines(change: Change, kindWidth: number): string[] {
  const registration = change.registration === undefined ? "" : `  [${change.registration}]`;
  const note =
    change.action === "replace"
      ? `  (replaced: ${[...new Set(change.fields.map((f) => f.path.split(".")[0]))].join(", ")} cannot be changed in place)`
      : change.action === "delete"
        ? "  (no longer used)"
        : "";
  const head = `  ${SYMBOLS[change.action]} ${change.kind.padEnd(kindWidth)}  ${change.name}${registration}${note}`;
  return [head, ...change.fields.map((field) => `      ${fieldLine(field)}`)];
}

function fieldLine({ path, from, to }: FieldChange): string {
  return `${path}: ${show(from)} → ${show(to)}`;
}

function show(value: JsonValue | undefined): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
