/**
 * A small evaluator of Allow statements, enough to check what Domovoi grants: actions and
 * resources with `*` and `?` wildcards, principals, and ArnLike/StringEquals conditions on
 * `aws:SourceArn` and `aws:SourceAccount` (any case of the key).
 */
export interface Request {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  readonly sourceArn?: string;
  readonly sourceAccount?: string;
}

type Statement = Record<string, unknown>;

export function allows(documents: readonly unknown[], request: Request): boolean {
  return documents.flatMap(statementsOf).some((statement) => grants(statement, request));
}

export function statementsOf(document: unknown): Statement[] {
  const statement = (document as { Statement?: unknown } | null)?.Statement;
  if (Array.isArray(statement)) return statement as Statement[];
  return statement ? [statement as Statement] : [];
}

function grants(statement: Statement, request: Request): boolean {
  return (
    statement.Effect === "Allow" &&
    list(statement.Action).some((action) => wildcard(action, request.action)) &&
    (statement.Resource === undefined ||
      list(statement.Resource).some((resource) => wildcard(resource, request.resource))) &&
    principalMatches(statement.Principal, request.principal) &&
    conditionsHold(statement.Condition, request)
  );
}

function principalMatches(principal: unknown, wanted: string | undefined): boolean {
  if (wanted === undefined || principal === undefined) return wanted === undefined;
  if (principal === "*") return true;
  const services = list((principal as { Service?: unknown }).Service);
  return services.includes(wanted);
}

function conditionsHold(condition: unknown, request: Request): boolean {
  for (const [operator, pairs] of Object.entries(
    (condition ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    for (const [key, expected] of Object.entries(pairs)) {
      const actual =
        key.toLowerCase() === "aws:sourcearn"
          ? request.sourceArn
          : key.toLowerCase() === "aws:sourceaccount"
            ? request.sourceAccount
            : undefined;
      if (actual === undefined) return false;
      const like = operator.startsWith("Arn") || operator === "StringLike";
      if (!list(expected).some((value) => (like ? wildcard(value, actual) : value === actual))) {
        return false;
      }
    }
  }
  return true;
}

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function wildcard(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(value);
}
