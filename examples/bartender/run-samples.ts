// Runs the bartender app in this process against its sample events and prints what each handler
// did. Until Domovoi emulates AWS services, nothing answers the SDK: its calls are sent to a closed
// port on loopback with dummy credentials, so they fail at once and never leave the machine.
Object.assign(process.env, {
  AWS_ENDPOINT_URL: "http://127.0.0.1:1",
  AWS_ACCESS_KEY_ID: "sample",
  AWS_SECRET_ACCESS_KEY: "sample",
  AWS_REGION: "us-east-1",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_MAX_ATTEMPTS: "1",
});

// Imported once the environment is set, since SDK clients read it when they are created.
const { app } = await import("./app.js");
const { bartenderSamples } = await import("./samples.js");

const STAGE = "dev";
let surprises = 0;

for (const { title, event, context, outcome } of bartenderSamples(app.manifest(), STAGE)) {
  console.log(`\n▶ ${title}`);
  try {
    const result = await app.handler(event, context);
    console.log(`  returned ${JSON.stringify(result) ?? "nothing"}`);
    if (outcome !== "handled") surprises++;
  } catch (error) {
    console.log(`  failed: ${describe(error)}`);
    if (outcome !== "rejected") surprises++;
  }
}

console.log(
  surprises === 0 ? "\nEvery sample behaved as expected." : `\n${surprises} sample(s) did not.`,
);
process.exitCode = surprises === 0 ? 0 : 1;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  const refused = /ECONNREFUSED|connect/i.test(`${error.message}${cause}`)
    ? " [no AWS service is emulated yet: the call went to 127.0.0.1:1 and was refused]"
    : "";
  return `${error.name}: ${error.message}${cause}${refused}`;
}
