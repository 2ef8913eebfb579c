import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SqsHarness, startSqs, uniqueName } from "./harness.js";

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

/** Posts a query-protocol request as older SDKs do, signed for `region` (scope only). */
async function query(params: Record<string, string>, { path = "/", region = "eu-west-1" } = {}) {
  const response = await fetch(`${h.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/${region}/sqs/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ Version: "2012-11-05", ...params }).toString(),
  });
  return { status: response.status, xml: await response.text() };
}

const element = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((match) => match[1]);

describe("the query protocol (Action=..., XML responses)", () => {
  it("creates a queue and answers in SQS's XML", async () => {
    const name = uniqueName();
    const { status, xml } = await query({
      Action: "CreateQueue",
      QueueName: name,
      "Attribute.1.Name": "VisibilityTimeout",
      "Attribute.1.Value": "45",
      "Tag.1.Key": "team",
      "Tag.1.Value": "bar",
    });
    expect(status).toBe(200);
    expect(xml).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?><CreateQueueResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><CreateQueueResult><QueueUrl>${h.url}/000000000000/${name}</QueueUrl></CreateQueueResult><ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata></CreateQueueResponse>$`,
      ),
    );
    const attributes = await query({
      Action: "GetQueueAttributes",
      QueueUrl: `${h.url}/000000000000/${name}`,
      "AttributeName.1": "VisibilityTimeout",
      "AttributeName.2": "QueueArn",
    });
    expect(attributes.xml).toContain(
      `<GetQueueAttributesResult><Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:eu-west-1:000000000000:${name}</Value></Attribute><Attribute><Name>VisibilityTimeout</Name><Value>45</Value></Attribute></GetQueueAttributesResult>`,
    );
    const tags = await query({
      Action: "ListQueueTags",
      QueueUrl: `${h.url}/000000000000/${name}`,
    });
    expect(tags.xml).toContain("<Tag><Key>team</Key><Value>bar</Value></Tag>");
  });

  it("sends, receives and deletes messages with attributes", async () => {
    const name = uniqueName();
    const { xml: created } = await query({ Action: "CreateQueue", QueueName: name });
    const url = element(created, "QueueUrl")!;
    const sent = await query({
      Action: "SendMessage",
      QueueUrl: url,
      MessageBody: "msg <&>",
      "MessageAttribute.1.Name": "Hello",
      "MessageAttribute.1.Value.DataType": "String",
      "MessageAttribute.1.Value.StringValue": "There",
    });
    expect(element(sent.xml, "MD5OfMessageBody")).toBe(
      createHash("md5").update("msg <&>").digest("hex"),
    );
    expect(element(sent.xml, "MD5OfMessageAttributes")).toBe("a311262e065454b75da111d535b8dacd");
    const received = await query({
      Action: "ReceiveMessage",
      QueueUrl: url,
      "AttributeName.1": "ApproximateReceiveCount",
      "MessageAttributeName.1": "All",
    });
    expect(received.xml).toContain("<Body>msg &lt;&amp;&gt;</Body>");
    expect(received.xml).toContain(
      "<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>",
    );
    expect(received.xml).toContain(
      "<MessageAttribute><Name>Hello</Name><Value><DataType>String</DataType><StringValue>There</StringValue></Value></MessageAttribute>",
    );
    const handle = element(received.xml, "ReceiptHandle")!;
    const deleted = await query({ Action: "DeleteMessage", QueueUrl: url, ReceiptHandle: handle });
    expect(deleted.xml).toMatch(/<DeleteMessageResponse [^>]*><ResponseMetadata><RequestId>/);
  });

  it("answers batches with per-entry results", async () => {
    const { xml: created } = await query({ Action: "CreateQueue", QueueName: uniqueName() });
    const url = element(created, "QueueUrl")!;
    const { xml } = await query({
      Action: "SendMessageBatch",
      QueueUrl: url,
      "SendMessageBatchRequestEntry.1.Id": "ok",
      "SendMessageBatchRequestEntry.1.MessageBody": "a",
      "SendMessageBatchRequestEntry.2.Id": "bad",
      "SendMessageBatchRequestEntry.2.MessageBody": "b",
      "SendMessageBatchRequestEntry.2.DelaySeconds": "901",
    });
    expect(xml).toMatch(
      /<SendMessageBatchResultEntry><Id>ok<\/Id><MD5OfMessageBody>0cc175b9c0f1b6a831c399e269772661<\/MD5OfMessageBody><MessageId>[0-9a-f-]{36}<\/MessageId><\/SendMessageBatchResultEntry>/,
    );
    expect(xml).toContain(
      "<BatchResultErrorEntry><Id>bad</Id><SenderFault>true</SenderFault><Code>InvalidParameterValue</Code>",
    );
  });

  it("takes the queue from the path when a request is posted to the queue URL", async () => {
    const name = uniqueName();
    await query({ Action: "CreateQueue", QueueName: name });
    const sent = await query(
      { Action: "SendMessage", MessageBody: "x" },
      { path: `/000000000000/${name}` },
    );
    expect(sent.status).toBe(200);
    const listed = await query({ Action: "ListQueues", QueueNamePrefix: name });
    expect(elements(listed.xml, "QueueUrl")).toEqual([`${h.url}/000000000000/${name}`]);
  });

  it("answers errors in the query protocol's shape with the query codes", async () => {
    const { status, xml } = await query({ Action: "GetQueueUrl", QueueName: "missing" });
    expect(status).toBe(400);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><ErrorResponse><Error><Type>Sender<\/Type><Code>AWS.SimpleQueueService.NonExistentQueue<\/Code><Message>The specified queue does not exist for this wsdl version.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    const exists = await query({
      Action: "CreateQueue",
      QueueName: uniqueName(),
      "Attribute.1.Name": "DelaySeconds",
      "Attribute.1.Value": "x",
    });
    expect(element(exists.xml, "Code")).toBe("InvalidAttributeValue");
    const unknown = await query({ Action: "Frobnicate" });
    expect(element(unknown.xml, "Code")).toBe("InvalidAction");
  });

  it("scopes queues by the region of the credential scope", async () => {
    const name = uniqueName();
    await query({ Action: "CreateQueue", QueueName: name }, { region: "sa-east-1" });
    const found = await query({ Action: "GetQueueUrl", QueueName: name }, { region: "sa-east-1" });
    expect(found.status).toBe(200);
    const elsewhere = await query({ Action: "GetQueueUrl", QueueName: name });
    expect(elsewhere.status).toBe(400);
  });
});
