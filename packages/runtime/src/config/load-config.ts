import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "./config-error.js";
import { readStageConfig } from "./read-config.js";
import type { StageConfig } from "./schema.js";

export const CONFIG_DIR = ".domovoi";

export interface LoadConfigOptions {
  /** Defaults to `dev`, the stage `domovoi dev` runs. */
  stage?: string;
}

/**
 * Reads `.domovoi/config.json` of a project for one stage. A missing file means the defaults;
 * anything else that is wrong is a {@link ConfigError} naming the key.
 */
export async function loadStageConfig(
  projectDir: string,
  { stage = "dev" }: LoadConfigOptions = {},
): Promise<StageConfig> {
  const file = join(CONFIG_DIR, "config.json");
  if (!/^[a-zA-Z0-9_-]{1,32}$/.test(stage)) {
    throw new ConfigError(
      file,
      "stages",
      `stage ${JSON.stringify(stage)} must be 1 to 32 letters, digits, - or _, since it becomes part of AWS resource names`,
    );
  }
  return readStageConfig(await readJson(projectDir, file), stage, file);
}

/** An IAM policy document, as `.domovoi/policy-<stage>.json` holds the function's permissions. */
export interface PolicyDocument {
  readonly Version: "2012-10-17" | "2008-10-17";
  readonly Statement: readonly PolicyStatement[];
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, unknown>>;
}

/** Reads `.domovoi/policy-<stage>.json`; `undefined` when the project has none for that stage. */
export async function loadPolicy(
  projectDir: string,
  stage: string,
): Promise<PolicyDocument | undefined> {
  const file = join(CONFIG_DIR, `policy-${stage}.json`);
  const document = await readJson(projectDir, file);
  return document === undefined ? undefined : checkPolicy(document, file);
}

function checkPolicy(document: unknown, file: string): PolicyDocument {
  const policy = document as Partial<PolicyDocument> | null;
  if (typeof policy !== "object" || policy === null || Array.isArray(policy)) {
    throw new ConfigError(file, "", "expected an IAM policy document object");
  }
  if (policy.Version !== "2012-10-17" && policy.Version !== "2008-10-17") {
    throw new ConfigError(file, "Version", 'expected "2012-10-17"');
  }
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  statements.forEach((statement: Partial<PolicyStatement> | undefined, index) => {
    const at = `Statement[${index}]`;
    if (typeof statement !== "object" || statement === null) {
      throw new ConfigError(file, at, "expected a statement object");
    }
    if (statement.Effect !== "Allow" && statement.Effect !== "Deny") {
      throw new ConfigError(file, `${at}.Effect`, 'expected "Allow" or "Deny"');
    }
    if ((statement.Action === undefined) === (statement.NotAction === undefined)) {
      throw new ConfigError(file, at, "expected exactly one of Action and NotAction");
    }
    if ((statement.Resource === undefined) === (statement.NotResource === undefined)) {
      throw new ConfigError(file, at, "expected exactly one of Resource and NotResource");
    }
  });
  return { ...policy, Statement: statements } as PolicyDocument;
}

async function readJson(projectDir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(projectDir, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(file, "", "cannot be read", { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, "", `is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
