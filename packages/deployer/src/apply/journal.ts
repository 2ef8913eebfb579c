import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { JsonObject } from "@domovoi/runtime";
import { CONFIG_DIR } from "@domovoi/runtime/config";
import type { Target } from "../aws/target.js";
import { RESOURCE_KINDS, type ResourceKind, type ResourceState } from "../model/resource.js";

const JOURNAL_VERSION = 1;

export interface JournalEntry {
  readonly kind: ResourceKind;
  readonly name: string;
  /** How to find the resource again, and for the summary its ARN. */
  readonly locator: JsonObject;
}

/** Whose deploys the journal records: an app's stage in one account and region. */
interface JournalOwner {
  readonly app: string;
  readonly stage: string;
  readonly account: string;
  readonly region: string;
}

interface JournalFile {
  readonly journalVersion: typeof JOURNAL_VERSION;
  readonly app: string;
  readonly stage: string;
  readonly account: string;
  readonly region: string;
  readonly updatedAt: string;
  readonly resources: Record<string, JournalEntry>;
}

/** `.domovoi/deployed/<stage>.json`. */
export function journalPath(projectDir: string, stage: string): string {
  return join(projectDir, CONFIG_DIR, "deployed", `${stage}.json`);
}

/**
 * What a stage's deploys created, written after every step. The account is the truth; the
 * journal only holds what cannot be read back from it: where resources the manifest no longer
 * names live (a bucket, a log group, a bus), and whether Domovoi turned a bucket's EventBridge
 * delivery on.
 */
export class Journal {
  readonly #path: string;
  readonly #resources: Map<string, JournalEntry>;
  readonly #owner: JournalOwner;

  private constructor(path: string, owner: JournalOwner, resources: Map<string, JournalEntry>) {
    this.#path = path;
    this.#owner = owner;
    this.#resources = resources;
  }

  /** Loads the stage's journal; entries of another account or region are not this target's. */
  static async load(
    projectDir: string,
    app: string,
    stage: string,
    target: Target,
  ): Promise<Journal> {
    const path = journalPath(projectDir, stage);
    const owner = { app, stage, account: target.account, region: target.region };
    const file = await readJournal(path);
    const sameTarget =
      file?.app === app && file.account === target.account && file.region === target.region;
    const entries = sameTarget
      ? Object.entries(file.resources).filter(([, e]) => isKnownKind(e))
      : [];
    return new Journal(path, owner, new Map(entries));
  }

  /** The remembered resources, as discovery takes them. */
  remembered(): ResourceState[] {
    return [...this.#resources].map(([id, entry]) => ({ id, ...entry, properties: {} }));
  }

  entries(): ReadonlyMap<string, JournalEntry> {
    return this.#resources;
  }

  async record(id: string, entry: JournalEntry): Promise<void> {
    this.#resources.set(id, entry);
    await this.save();
  }

  async forget(id: string): Promise<void> {
    this.#resources.delete(id);
    await this.save();
  }

  /** After a complete apply: exactly the resources the stage now has. */
  async replaceAll(entries: ReadonlyMap<string, JournalEntry>): Promise<void> {
    this.#resources.clear();
    for (const [id, entry] of entries) this.#resources.set(id, entry);
    if (this.#resources.size === 0) await rm(this.#path, { force: true });
    else await this.save();
  }

  async save(): Promise<void> {
    const file: JournalFile = {
      journalVersion: JOURNAL_VERSION,
      ...this.#owner,
      updatedAt: new Date().toISOString(),
      resources: Object.fromEntries([...this.#resources].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    await mkdir(dirname(this.#path), { recursive: true });
    // Written aside, then renamed: a deploy stopped mid-write leaves the previous journal whole.
    const temporary = `${this.#path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`);
    await rename(temporary, this.#path);
  }
}

async function readJournal(path: string): Promise<JournalFile | undefined> {
  try {
    const file = JSON.parse(await readFile(path, "utf8")) as JournalFile;
    return file.journalVersion === JOURNAL_VERSION ? file : undefined;
  } catch {
    // A missing or unreadable journal only costs the hints it held: the account is still read.
    return undefined;
  }
}

function isKnownKind(entry: JournalEntry): boolean {
  return (RESOURCE_KINDS as readonly string[]).includes(entry.kind);
}
