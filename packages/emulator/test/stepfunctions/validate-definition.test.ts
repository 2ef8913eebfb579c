import { InvalidStateMachineError } from "@domovoi/runtime";
import { describe, expect, it } from "vitest";
import { StateMachine, validateDefinition } from "../../src/stepfunctions/index.js";
import { readStepFunctionsCorpus } from "./support/corpus-case.js";

function corpusDefinition(file: string, name: string): unknown {
  const kase = readStepFunctionsCorpus(file).cases.find((candidate) => candidate.name === name);
  if (!kase) throw new Error(`No corpus case ${name}`);
  return kase.definition;
}

// asl-validator compiles its JSON schemas on every call (about half a second), so this file
// checks one definition of each kind rather than the whole corpus.
describe("validateDefinition", () => {
  it.each([
    ["jsonata", "TestArgumentsBase::test_base_output_any_non_dict[NULL]"],
    ["jsonata", "TestArgumentsBase::test_output_in_choice[CONDITION_TRUE]"],
    ["scenarios", "TestBaseScenarios::test_map_state_tolerated_failure_values[percentage_literal]"],
    ["scenarios", "TestBaseScenarios::test_choice_condition_constant_jsonata"],
    ["variables", "TestAssignBase::test_base_cases[BASE_CONSTANT_LITERALS]"],
  ])("accepts %s %s, which AWS accepted but asl-validator's schemas reject", (file, name) => {
    expect(validateDefinition(corpusDefinition(file, name))).toEqual({ valid: true, problems: [] });
  });

  it("reports a missing transition target as AWS words InvalidDefinition", () => {
    const result = validateDefinition({
      StartAt: "A",
      States: { A: { Type: "Pass", Next: "B" }, C: { Type: "Succeed" } },
    });
    expect(result.valid).toBe(false);
    const message = result.valid ? "" : result.message;
    expect(message).toMatch(/^Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: /);
    expect(message).toContain(
      "MISSING_TRANSITION_TARGET: Missing 'StartAt'|'Next'|'Default' target: B",
    );
  });

  it("reports a state type that does not exist with where it is", () => {
    const result = validateDefinition({
      StartAt: "A",
      States: { A: { Type: "Sleep", End: true } },
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: "SCHEMA_VALIDATION_FAILED", location: "/States/A/Type" }),
    );
  });

  it("reports definition text that is not JSON", () => {
    expect(validateDefinition("{ StartAt:")).toMatchObject({
      valid: false,
      problems: [{ code: "INVALID_JSON_DESCRIPTION" }],
    });
  });

  it("reports invalid intrinsic function calls and JSONata expressions", () => {
    const intrinsic = validateDefinition({
      StartAt: "A",
      States: { A: { Type: "Pass", Parameters: { "x.$": "States.ArrayLength($, $)" }, End: true } },
    });
    expect(intrinsic).toMatchObject({
      valid: false,
      problems: [{ code: "SCHEMA_VALIDATION_FAILED", location: "/States/A/Parameters/x.$" }],
    });
    const jsonata = validateDefinition({
      QueryLanguage: "JSONata",
      StartAt: "A",
      States: { A: { Type: "Pass", Output: "{% $sum( %}", End: true } },
    });
    // asl-validator's verdict on Output is set aside (its schema refuses valid ones); the
    // interpreter's compiler finds the broken expression.
    expect(jsonata).toMatchObject({
      valid: false,
      problems: [{ message: expect.stringContaining("Invalid JSONata expression '$sum('") }],
    });
  });
});

describe("StateMachine.compile", () => {
  it("throws InvalidStateMachineError with AWS's message for what it cannot compile", () => {
    expect(() =>
      StateMachine.compile({
        StartAt: "A",
        States: { A: { Type: "Pass", InputPath: "$[", End: true } },
      }),
    ).toThrow(InvalidStateMachineError);
    expect(() =>
      StateMachine.compile({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" } } }),
    ).toThrow(/\/States\/A\/Next 'B' names no state/);
    expect(() => StateMachine.compile({ StartAt: "Z", States: {} })).toThrow(
      /^Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: .*StartAt 'Z' names no state/,
    );
  });
});
