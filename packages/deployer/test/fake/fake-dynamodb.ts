import * as dynamodb from "@aws-sdk/client-dynamodb";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";

interface Table {
  readonly arn: string;
  readonly streamArn?: string;
}

/** Tables are the user's: tests seed them; the deployer only reads their stream. */
export class FakeDynamoDb implements FakeService {
  readonly name = "DynamoDB";
  readonly client = dynamodb.DynamoDBClient;
  readonly commands = dynamodb as unknown as Record<string, unknown>;
  readonly tables = new Map<string, Table>();

  constructor(private readonly aws: FakeAws) {}

  seedTable(name: string, { stream = true } = {}): Table {
    const arn = this.aws.arn("dynamodb", `table/${name}`);
    const table = { arn, ...(stream && { streamArn: `${arn}/stream/2024-01-01T00:00:00.000` }) };
    this.tables.set(name, table);
    return table;
  }

  handlers(): Handlers {
    return {
      DescribeTable: ({ TableName }: dynamodb.DescribeTableCommandInput) => {
        const name = String(TableName).split("/").pop() ?? "";
        const table = this.tables.get(name);
        if (!table) {
          throw awsError(
            "ResourceNotFoundException",
            `Requested resource not found: Table: ${name} not found`,
          );
        }
        return {
          Table: {
            TableName: name,
            TableArn: table.arn,
            ...(table.streamArn && {
              LatestStreamArn: table.streamArn,
              StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
            }),
          },
        };
      },
    };
  }
}
