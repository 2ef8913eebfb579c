import { compileChoiceRule } from "../choice/choice-rule.js";
import { DefinitionReader } from "../definition/state-definition.js";
import { queryEvaluationError, StatesError, StatesErrorName } from "../errors.js";
import { evaluateOutcome, optionalTemplate } from "../io/jsonata-io.js";
import { JsonPathIo } from "../io/jsonpath-io.js";
import { jsonTypeName, toJsonText } from "../json.js";
import { compileJsonataTemplate, type JsonataTemplate } from "../jsonata/jsonata-template.js";
import { compilePayloadTemplate, type PayloadTemplate } from "../jsonpath/payload-template.js";
import type { CompiledState } from "../runtime/state-program.js";
import type { StateRun } from "../runtime/state-run.js";
import type { StateSource } from "./state-source.js";

/**
 * Choice goes to the `Next` of the first rule that holds, else to `Default`, else fails with
 * `States.NoChoiceMatched`. A matching rule's `Assign` (and in JSONata its `Output`) replaces
 * the state's own, which apply when the Default is taken.
 */
export function compileChoiceState(source: StateSource): CompiledState {
  const { name, reader } = source;
  const fallback = reader.string("Default");
  const choose =
    source.language === "JSONata" ? compileJsonataChoice(source) : compileJsonPathChoice(source);
  return {
    name,
    type: "Choice",
    execute: async (input, run) => {
      const step = await choose(input, run, fallback);
      if (step.next === undefined) {
        throw new StatesError(StatesErrorName.NoChoiceMatched, "No Matches!");
      }
      return step;
    },
  };
}

type Choose = (
  input: unknown,
  run: StateRun,
  fallback: string | undefined,
) => Promise<{ output: unknown; next?: string; assigned?: Readonly<Record<string, unknown>> }>;

function compileJsonPathChoice(source: StateSource): Choose {
  const io = new JsonPathIo(source.reader.definition);
  const rules = source.reader.array("Choices").map((rule, i) => {
    const where = `${source.where}/Choices[${i}]`;
    const reader = new DefinitionReader(rule, where);
    const assign = reader.has("Assign")
      ? compilePayloadTemplate(reader.definition.Assign)
      : undefined;
    return { test: compileChoiceRule(rule, where), next: reader.requiredString("Next"), assign };
  });
  return async (input, run, fallback) => {
    const effective = io.effectiveInput(input, run);
    const scope = run.pathScope(effective);
    const rule = rules.find((candidate) => candidate.test(scope));
    const assigned = rule
      ? ruleAssignments(rule.assign, effective, run)
      : io.assignments(effective, run);
    return {
      output: io.outputOf(effective, run),
      next: rule ? rule.next : fallback,
      ...(assigned && { assigned }),
    };
  };
}

function ruleAssignments(template: PayloadTemplate | undefined, effective: unknown, run: StateRun) {
  return template?.(run.pathScope(effective), run.branch.core.services.randomness) as
    | Record<string, unknown>
    | undefined;
}

function compileJsonataChoice(source: StateSource): Choose {
  const { reader } = source;
  const output = optionalTemplate(reader.definition.Output, "Output");
  const assign = optionalTemplate(reader.definition.Assign, "Assign");
  const rules = reader.array("Choices").map((rule, i) => {
    const ruleReader = new DefinitionReader(rule, `${source.where}/Choices[${i}]`);
    return {
      condition: compileJsonataTemplate(ruleReader.definition.Condition, "Condition"),
      next: ruleReader.requiredString("Next"),
      output: optionalTemplate(ruleReader.definition.Output, "Output"),
      assign: optionalTemplate(ruleReader.definition.Assign, "Assign"),
    };
  });
  return async (input, run, fallback) => {
    for (const rule of rules) {
      if (await holds(rule.condition, input, run)) {
        const outcome = await evaluateOutcome({ input }, run, rule.output, rule.assign, input);
        return { ...outcome, next: rule.next };
      }
    }
    return { ...(await evaluateOutcome({ input }, run, output, assign, input)), next: fallback };
  };
}

async function holds(condition: JsonataTemplate, input: unknown, run: StateRun): Promise<boolean> {
  const value = await condition(run.jsonataScope({ input }));
  if (typeof value !== "boolean") {
    throw queryEvaluationError(
      `The Condition returned an unexpected result type. Expected 'boolean', but was '${jsonTypeName(value)}' for value: ${toJsonText(value)}`,
    );
  }
  return value;
}
