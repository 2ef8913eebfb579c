import * as iam from "@aws-sdk/client-iam";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { page } from "./paginate.js";
import { allows, type Request } from "./policy-check.js";

export interface FakeRole {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  trust: unknown;
  readonly policies: Map<string, unknown>;
  readonly tags: iam.Tag[];
}

/** Roles with inline policies; documents are returned URL-encoded, as IAM does. */
export class FakeIam implements FakeService {
  readonly name = "IAM";
  readonly client = iam.IAMClient;
  readonly commands = iam as unknown as Record<string, unknown>;
  readonly roles = new Map<string, FakeRole>();

  constructor(private readonly aws: FakeAws) {}

  /** The role of `arn`, if `service` may assume it and its policies allow the request. */
  roleAllows(arn: string, service: string, request: Omit<Request, "principal">): boolean {
    const role = [...this.roles.values()].find((r) => r.arn === arn);
    return this.canAssume(arn, service) && allows([...(role?.policies.values() ?? [])], request);
  }

  /** Whether `service`, acting for this account, may assume the role of `arn`. */
  canAssume(arn: string, service: string): boolean {
    const role = [...this.roles.values()].find((r) => r.arn === arn);
    return (
      role !== undefined &&
      allows([role.trust], {
        action: "sts:AssumeRole",
        resource: "*",
        principal: service,
        sourceAccount: this.aws.account,
      })
    );
  }

  handlers(): Handlers {
    return {
      CreateRole: ({
        RoleName,
        Path = "/",
        AssumeRolePolicyDocument,
        Tags = [],
      }: iam.CreateRoleCommandInput) => {
        const name = String(RoleName);
        if (this.roles.has(name)) {
          throw awsError(
            "EntityAlreadyExistsException",
            `Role with name ${name} already exists.`,
            409,
          );
        }
        const role: FakeRole = {
          name,
          arn: `arn:${this.aws.partition}:iam::${this.aws.account}:role${Path}${name}`,
          path: Path,
          trust: JSON.parse(String(AssumeRolePolicyDocument)),
          policies: new Map(),
          tags: Tags,
        };
        this.roles.set(name, role);
        return { Role: this.#describe(role) };
      },
      GetRole: ({ RoleName }: iam.GetRoleCommandInput) => ({
        Role: this.#describe(this.#role(RoleName)),
      }),
      ListRoles: ({ PathPrefix = "/", Marker }: iam.ListRolesCommandInput) => {
        const matching = [...this.roles.values()].filter((r) => r.path.startsWith(PathPrefix));
        const { items, next } = page(matching, Marker);
        return {
          Roles: items.map((r) => this.#describe(r)),
          IsTruncated: next !== undefined,
          Marker: next,
        };
      },
      ListRolePolicies: ({ RoleName, Marker }: iam.ListRolePoliciesCommandInput) => {
        const { items, next } = page([...this.#role(RoleName).policies.keys()], Marker);
        return { PolicyNames: items, IsTruncated: next !== undefined, Marker: next };
      },
      GetRolePolicy: ({ RoleName, PolicyName }: iam.GetRolePolicyCommandInput) => {
        const document = this.#role(RoleName).policies.get(String(PolicyName));
        if (document === undefined) {
          throw awsError(
            "NoSuchEntityException",
            `The role policy with name ${PolicyName} cannot be found.`,
            404,
          );
        }
        return {
          RoleName,
          PolicyName,
          PolicyDocument: encodeURIComponent(JSON.stringify(document)),
        };
      },
      PutRolePolicy: ({ RoleName, PolicyName, PolicyDocument }: iam.PutRolePolicyCommandInput) => {
        this.#role(RoleName).policies.set(String(PolicyName), JSON.parse(String(PolicyDocument)));
        return {};
      },
      DeleteRolePolicy: ({ RoleName, PolicyName }: iam.DeleteRolePolicyCommandInput) => {
        if (!this.#role(RoleName).policies.delete(String(PolicyName))) {
          throw awsError(
            "NoSuchEntityException",
            `The role policy with name ${PolicyName} cannot be found.`,
            404,
          );
        }
        return {};
      },
      UpdateAssumeRolePolicy: ({
        RoleName,
        PolicyDocument,
      }: iam.UpdateAssumeRolePolicyCommandInput) => {
        this.#role(RoleName).trust = JSON.parse(String(PolicyDocument));
        return {};
      },
      DeleteRole: ({ RoleName }: iam.DeleteRoleCommandInput) => {
        const role = this.#role(RoleName);
        if (role.policies.size > 0) {
          throw awsError(
            "DeleteConflictException",
            "Cannot delete entity, must delete policies first.",
            409,
          );
        }
        this.roles.delete(role.name);
        return {};
      },
    };
  }

  #role(name: string | undefined): FakeRole {
    const role = this.roles.get(String(name));
    if (!role)
      throw awsError("NoSuchEntityException", `The role with name ${name} cannot be found.`, 404);
    return role;
  }

  #describe(role: FakeRole): iam.Role {
    return {
      RoleName: role.name,
      RoleId: `AROA${role.name.length}`,
      Arn: role.arn,
      Path: role.path,
      CreateDate: new Date(0),
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trust)),
    };
  }
}
