import { afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { deployProject } from "../src/index.js";
import type { FakeAws } from "./fake/fake-aws.js";
import {
  bartenderAccount,
  bartenderProject,
  fakeDeployOptions,
  type LoadedApp,
} from "./support/bartender.js";
import { ownedBy } from "./support/owned.js";

let dev: LoadedApp;
let prod: LoadedApp;
let aws: FakeAws;

beforeAll(async () => {
  [dev, prod] = await Promise.all([bartenderProject("dev"), bartenderProject("prod")]);
}, 60_000);
beforeEach(() => {
  aws = bartenderAccount();
});
afterEach(() => aws.restore());

const deploy = (app: LoadedApp, options = {}) =>
  deployProject(app.project, app.code, fakeDeployOptions(aws, options));

it("gives each stage its own resources, and never touches another stage's", async () => {
  await deploy(dev);
  const prodPlan = await deploy(prod);
  // prod shares the users' topic and queue, and creates everything else anew.
  expect(prodPlan.plan.unchanged.map((r) => r.id).sort()).toEqual([
    "queue:arn:aws:sqs:us-east-1:123456789012:my_queue",
    "topic:arn:aws:sns:us-east-1:123456789012:bartender",
  ]);
  expect(prodPlan.plan.changes.every((c) => c.action === "create")).toBe(true);
  const prodResources = ownedBy(aws, "bartender-prod");
  expect(prodResources).toHaveLength(16);

  aws.resetCalls();
  const devAgain = await deploy(dev);
  expect(devAgain.plan.changes).toEqual([]);
  expect(aws.mutatingCalls()).toEqual([]);

  await deploy(dev, { delete: true });
  expect(ownedBy(aws, "bartender-dev")).toEqual([]);
  expect(ownedBy(aws, "bartender-prod")).toEqual(prodResources);
  aws.resetCalls();
  const prodAgain = await deploy(prod);
  expect(prodAgain.plan.changes).toEqual([]);
});

it("does not take a stage whose name extends another's for its own", async () => {
  const devTwo = await bartenderProject("dev-2");
  await deploy(devTwo);
  const { plan } = await deploy(dev, { dryRun: true });
  expect(plan.changes.filter((c) => c.action !== "create")).toEqual([]);
  await deploy(dev);
  await deploy(dev, { delete: true });
  expect(ownedBy(aws, "bartender-dev-2")).toHaveLength(16);
}, 30_000);
