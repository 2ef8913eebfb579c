import type { FakeAws } from "../fake/fake-aws.js";

/**
 * Everything in the fake account that belongs to (or points at) the function `<app>-<stage>`:
 * what `--delete` must leave empty. Topics, queues, buckets and tables of users are not listed;
 * bridge topics and queues (named after the function) are.
 */
export function ownedBy(aws: FakeAws, functionName: string): string[] {
  const functionArn = aws.arn("lambda", `function:${functionName}`);
  const mine = (name: string | undefined) =>
    name === functionName || String(name).startsWith(`${functionName}-`);
  const s3Entries = [...aws.s3.buckets].flatMap(([bucket, c]) =>
    [
      ...(c.LambdaFunctionConfigurations ?? []),
      ...(c.TopicConfigurations ?? []),
      ...(c.QueueConfigurations ?? []),
    ]
      .filter((e) => e.Id?.startsWith(`domovoi:${functionName}:`))
      .map((e) => `s3 ${bucket} ${e.Id}`),
  );
  return [
    ...[...aws.lambda.functions.keys()].filter(mine).map((n) => `function ${n}`),
    ...[...aws.iam.roles.values()].filter((r) => mine(r.name)).map((r) => `role ${r.name}`),
    ...[...aws.scheduler.groups.keys()].filter(mine).map((g) => `schedule group ${g}`),
    ...[...aws.scheduler.schedules.keys()]
      .filter((k) => mine(k.split("/")[1]))
      .map((k) => `schedule ${k}`),
    ...[...aws.events.rules.values()].filter((r) => mine(r.name)).map((r) => `rule ${r.name}`),
    ...[...aws.sns.topics.keys()]
      .filter((arn) => mine(arn.split(":")[5]))
      .map((arn) => `topic ${arn}`),
    ...[...aws.sns.subscriptions.values()]
      .filter((s) => s.endpoint === functionArn || mine(s.endpoint.split(":")[5]))
      .map((s) => `subscription ${s.arn}`),
    ...[...aws.sqs.queues.keys()].filter(mine).map((q) => `queue ${q}`),
    ...[...aws.lambda.mappings.all.values()]
      .filter((m) => m.configuration.FunctionArn === functionArn)
      .map((m) => `mapping ${m.configuration.EventSourceArn}`),
    ...[...aws.logs.groups].flatMap(([group, filters]) =>
      [...filters.values()]
        .filter((f) => f.destinationArn === functionArn)
        .map((f) => `filter ${group} ${f.filterName}`),
    ),
    ...s3Entries,
    ...[...aws.sfn.machines.values()]
      .filter((m) => mine(m.name))
      .map((m) => `state machine ${m.name}`),
    ...[...aws.elbv2.targetGroups]
      .filter(([, t]) => t.has(functionArn))
      .map(([arn]) => `target ${arn}`),
    ...[...aws.ses.ruleSets].flatMap(([set, rules]) =>
      rules.filter((r) => mine(r.Name)).map((r) => `receipt rule ${set} ${r.Name}`),
    ),
  ];
}
