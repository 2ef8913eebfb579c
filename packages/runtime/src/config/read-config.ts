import { ConfigError } from "./config-error.js";
import {
  ARCHITECTURES,
  LAMBDA_RUNTIMES,
  RESERVED_ENVIRONMENT_VARIABLES,
  STAGE_DEFAULTS,
  type StageConfig,
} from "./schema.js";

type Settings = { -readonly [K in keyof StageConfig]?: StageConfig[K] };
type Reader = (value: unknown, path: string, file: string) => Settings;

/** Each key of the file, with how its value is checked and where it lands in {@link StageConfig}. */
const READERS: Readonly<Record<string, Reader>> = {
  app_name: (v, p, f) => ({ appName: text(v, p, f) }),
  environment_variables: (v, p, f) => ({ environmentVariables: environment(v, p, f) }),
  lambda_timeout: (v, p, f) => ({ lambdaTimeout: integer(v, p, f, 1, 900) }),
  lambda_memory_size: (v, p, f) => ({ lambdaMemorySize: integer(v, p, f, 128, 10240) }),
  runtime: (v, p, f) => ({ runtime: oneOf(v, p, f, LAMBDA_RUNTIMES) }),
  architecture: (v, p, f) => ({ architecture: oneOf(v, p, f, ARCHITECTURES) }),
  tags: (v, p, f) => ({ tags: tags(v, p, f) }),
  dead_letter_queue_target_arn: (v, p, f) => ({ deadLetterQueueTargetArn: arn(v, p, f) }),
  reserved_concurrent_executions: (v, p, f) => ({
    reservedConcurrentExecutions: integer(v, p, f, 0, 1_000_000),
  }),
  region: (v, p, f) => ({ region: region(v, p, f) }),
  alb_target_group_arn: (v, p, f) => ({ albTargetGroupArn: arn(v, p, f) }),
  ses_rule_set_name: (v, p, f) => ({ sesRuleSetName: text(v, p, f) }),
};

/** Keys the file may hold that change nothing here (Chalice writes `version`). */
const IGNORED_KEYS = new Set(["version"]);

/**
 * Resolves one stage from the parsed file: top-level keys, then `stages.<stage>` on top of them.
 * Maps (`environment_variables`, `tags`) merge key by key, as Chalice does; other keys replace.
 */
export function readStageConfig(document: unknown, stage: string, file: string): StageConfig {
  const root = object(document ?? {}, "", file);
  const top = readSettings(root, "", file, true);
  const stages = root.stages === undefined ? {} : object(root.stages, "stages", file);
  for (const name of Object.keys(stages)) object(stages[name], `stages.${name}`, file);
  const own =
    stages[stage] === undefined ? {} : readSettings(stages[stage], `stages.${stage}`, file, false);
  return {
    stage,
    appName: own.appName ?? top.appName,
    environmentVariables: { ...top.environmentVariables, ...own.environmentVariables },
    lambdaTimeout: own.lambdaTimeout ?? top.lambdaTimeout ?? STAGE_DEFAULTS.lambdaTimeout,
    lambdaMemorySize:
      own.lambdaMemorySize ?? top.lambdaMemorySize ?? STAGE_DEFAULTS.lambdaMemorySize,
    runtime: own.runtime ?? top.runtime ?? STAGE_DEFAULTS.runtime,
    architecture: own.architecture ?? top.architecture ?? STAGE_DEFAULTS.architecture,
    tags: { ...top.tags, ...own.tags },
    deadLetterQueueTargetArn: own.deadLetterQueueTargetArn ?? top.deadLetterQueueTargetArn,
    reservedConcurrentExecutions:
      own.reservedConcurrentExecutions ?? top.reservedConcurrentExecutions,
    region: own.region ?? top.region,
    albTargetGroupArn: own.albTargetGroupArn ?? top.albTargetGroupArn,
    sesRuleSetName: own.sesRuleSetName ?? top.sesRuleSetName,
  };
}

function readSettings(value: unknown, at: string, file: string, topLevel: boolean): Settings {
  const settings: Settings = {};
  for (const [key, item] of Object.entries(object(value, at, file))) {
    const path = at ? `${at}.${key}` : key;
    if (topLevel && (key === "stages" || IGNORED_KEYS.has(key))) continue;
    const reader = READERS[key];
    if (!reader) {
      throw new ConfigError(
        file,
        path,
        `unknown key (expected one of ${[...Object.keys(READERS), ...(topLevel ? ["stages"] : [])].join(", ")})`,
      );
    }
    Object.assign(settings, reader(item, path, file));
  }
  return settings;
}

function object(value: unknown, path: string, file: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(file, path, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string, file: string): string {
  if (typeof value !== "string" || value === "") {
    throw new ConfigError(file, path, `expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

function integer(value: unknown, path: string, file: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      file,
      path,
      `expected an integer from ${min} to ${max}, got ${describe(value)}`,
    );
  }
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  path: string,
  file: string,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    throw new ConfigError(
      file,
      path,
      `expected one of ${allowed.join(", ")}, got ${describe(value)}`,
    );
  }
  return value as T;
}

function arn(value: unknown, path: string, file: string): string {
  const candidate = text(value, path, file);
  if (!/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/.test(candidate)) {
    throw new ConfigError(file, path, `expected an ARN, got ${describe(value)}`);
  }
  return candidate;
}

function region(value: unknown, path: string, file: string): string {
  const candidate = text(value, path, file);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(candidate)) {
    throw new ConfigError(
      file,
      path,
      `expected an AWS region such as us-east-1, got ${describe(value)}`,
    );
  }
  return candidate;
}

function environment(value: unknown, path: string, file: string): Record<string, string> {
  const variables = stringMap(value, path, file);
  for (const name of Object.keys(variables)) {
    if (!/^[a-zA-Z]\w*$/.test(name)) {
      throw new ConfigError(
        file,
        `${path}.${name}`,
        "expected a name of letters, digits and underscores, starting with a letter",
      );
    }
    if (RESERVED_ENVIRONMENT_VARIABLES.has(name)) {
      throw new ConfigError(file, `${path}.${name}`, "is reserved by Lambda and cannot be set");
    }
  }
  return variables;
}

function tags(value: unknown, path: string, file: string): Record<string, string> {
  const map = stringMap(value, path, file);
  for (const [key, tag] of Object.entries(map)) {
    if (key.length > 128 || tag.length > 256 || key.startsWith("aws:")) {
      throw new ConfigError(
        file,
        `${path}.${key}`,
        "expected a key of at most 128 characters not starting with aws: and a value of at most 256",
      );
    }
  }
  return map;
}

function stringMap(value: unknown, path: string, file: string): Record<string, string> {
  const map = object(value, path, file);
  for (const [key, item] of Object.entries(map)) {
    if (typeof item !== "string") {
      throw new ConfigError(file, `${path}.${key}`, `expected a string, got ${describe(item)}`);
    }
  }
  return map as Record<string, string>;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
