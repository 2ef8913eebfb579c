import * as scheduler from "@aws-sdk/client-scheduler";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { page } from "./paginate.js";

type Schedule = scheduler.CreateScheduleCommandInput & { Arn: string };

/** Schedule groups ("default" always exists) and their schedules. */
export class FakeScheduler implements FakeService {
  readonly name = "Scheduler";
  readonly client = scheduler.SchedulerClient;
  readonly commands = scheduler as unknown as Record<string, unknown>;
  readonly groups = new Map<string, { arn: string; tags: scheduler.Tag[] }>();
  readonly schedules = new Map<string, Schedule>();

  constructor(private readonly aws: FakeAws) {
    this.groups.set("default", { arn: aws.arn("scheduler", "schedule-group/default"), tags: [] });
  }

  handlers(): Handlers {
    return {
      CreateScheduleGroup: ({ Name, Tags = [] }: scheduler.CreateScheduleGroupCommandInput) => {
        if (this.groups.has(String(Name)))
          throw awsError("ConflictException", `Schedule group ${Name} already exists.`, 409);
        const arn = this.aws.arn("scheduler", `schedule-group/${Name}`);
        this.groups.set(String(Name), { arn, tags: Tags });
        return { ScheduleGroupArn: arn };
      },
      GetScheduleGroup: ({ Name }: scheduler.GetScheduleGroupCommandInput) => ({
        Name,
        Arn: this.#group(Name).arn,
        State: "ACTIVE",
      }),
      DeleteScheduleGroup: ({ Name }: scheduler.DeleteScheduleGroupCommandInput) => {
        this.#group(Name);
        this.groups.delete(String(Name));
        for (const key of this.schedules.keys())
          if (key.startsWith(`${Name}/`)) this.schedules.delete(key);
        return {};
      },
      CreateSchedule: (input: scheduler.CreateScheduleCommandInput) => {
        const key = this.#key(input.GroupName, input.Name);
        this.#group(input.GroupName ?? "default");
        if (this.schedules.has(key))
          throw awsError("ConflictException", `Schedule ${input.Name} already exists.`, 409);
        this.#checkRole(input);
        const arn = this.aws.arn("scheduler", `schedule/${key}`);
        this.schedules.set(key, { ...structuredClone(input), Arn: arn });
        return { ScheduleArn: arn };
      },
      UpdateSchedule: (input: scheduler.UpdateScheduleCommandInput) => {
        const existing = this.#schedule(input.GroupName, input.Name);
        this.#checkRole(input);
        this.schedules.set(this.#key(input.GroupName, input.Name), {
          ...structuredClone(input),
          Arn: existing.Arn,
        });
        return { ScheduleArn: existing.Arn };
      },
      GetSchedule: ({ GroupName, Name }: scheduler.GetScheduleCommandInput) => {
        const { Arn, ...schedule } = this.#schedule(GroupName, Name);
        return { ...structuredClone(schedule), Arn, GroupName: GroupName ?? "default" };
      },
      DeleteSchedule: ({ GroupName, Name }: scheduler.DeleteScheduleCommandInput) => {
        this.#schedule(GroupName, Name);
        this.schedules.delete(this.#key(GroupName, Name));
        return {};
      },
      ListSchedules: ({ GroupName, NextToken }: scheduler.ListSchedulesCommandInput) => {
        const inGroup = [...this.schedules.entries()]
          .filter(([key]) => key.startsWith(`${GroupName ?? "default"}/`))
          .map(([, s]) => ({ Name: s.Name, Arn: s.Arn, GroupName: s.GroupName, State: s.State }));
        const { items, next } = page(inGroup, NextToken);
        return { Schedules: items, NextToken: next };
      },
    };
  }

  /** Scheduler checks that it may assume the execution role. */
  #checkRole(input: scheduler.CreateScheduleCommandInput): void {
    if (!this.aws.iam.canAssume(String(input.Target?.RoleArn), "scheduler.amazonaws.com")) {
      throw awsError(
        "ValidationException",
        "The execution role you provide must allow AWS EventBridge Scheduler to assume the role.",
      );
    }
  }

  #key(group: string | undefined, name: string | undefined): string {
    return `${group ?? "default"}/${name}`;
  }

  #group(name: string | undefined) {
    const group = this.groups.get(String(name));
    if (!group)
      throw awsError("ResourceNotFoundException", `Schedule group ${name} does not exist.`, 404);
    return group;
  }

  #schedule(group: string | undefined, name: string | undefined): Schedule {
    const schedule = this.schedules.get(this.#key(group, name));
    if (!schedule)
      throw awsError("ResourceNotFoundException", `Schedule ${name} does not exist.`, 404);
    return schedule;
  }
}
