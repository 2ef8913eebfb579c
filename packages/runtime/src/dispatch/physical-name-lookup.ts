import { InvalidNameError } from "../errors.js";
import type { DomovoiManifest } from "../manifest.js";
import { physicalNames } from "../naming.js";

/**
 * Maps the physical names of schedules and rules back to their registrations. The stage is read
 * from the function's name (`<app>-<stage>`), so that the lookup holds in every stage; each
 * stage's table is built once.
 */
export class PhysicalNameLookup {
  readonly #byStage = new Map<string, ReadonlyMap<string, string>>();

  constructor(private readonly manifest: DomovoiManifest) {}

  registrationOf(physicalName: string, functionName: string | undefined): string | undefined {
    const prefix = `${this.manifest.app}-`;
    if (functionName === undefined || !functionName.startsWith(prefix)) return undefined;
    return this.#table(functionName.slice(prefix.length))?.get(physicalName);
  }

  #table(stage: string): ReadonlyMap<string, string> | undefined {
    let table = this.#byStage.get(stage);
    if (!table) {
      table = tableFor(this.manifest, stage);
      if (!table) return undefined;
      this.#byStage.set(stage, table);
    }
    return table;
  }
}

function tableFor(manifest: DomovoiManifest, stage: string): Map<string, string> | undefined {
  let names: ReturnType<typeof physicalNames>;
  try {
    names = physicalNames(manifest, stage);
  } catch (error) {
    // A function name that is not `<app>-<valid stage>` names no stage of this app.
    if (error instanceof InvalidNameError) return undefined;
    throw error;
  }
  const table = new Map<string, string>();
  for (const [registration, resources] of Object.entries(names.registrations)) {
    for (const physical of [resources.schedule, resources.rule]) {
      if (physical !== undefined) table.set(physical, registration);
    }
  }
  return table;
}
