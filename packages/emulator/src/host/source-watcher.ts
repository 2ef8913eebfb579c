import { relative, sep } from "node:path";
import { type FSWatcher, watch } from "chokidar";

/** Folders whose changes never reload the app: dependencies, build output, local state. */
const IGNORED_FOLDERS = new Set(["node_modules", ".domovoi", "dist", ".git"]);

export interface SourceWatcherOptions {
  readonly root: string;
  /** Quiet time after the last change before `onChanges` runs; editors write in bursts. */
  readonly debounceMs: number;
  /** Called at once for every change, before the debounce. */
  readonly onChange: (path: string) => void;
  /** Called once a burst of changes is over, with the paths that changed. */
  readonly onChanges: (paths: readonly string[]) => void;
}

/** Watches an app's source folder for `domovoi dev`'s hot reload. */
export class SourceWatcher {
  readonly #watcher: FSWatcher;
  #timer: NodeJS.Timeout | undefined;
  #changed = new Set<string>();

  private constructor(watcher: FSWatcher) {
    this.#watcher = watcher;
  }

  /** Starts watching; resolves once the initial scan is done, so no later change is missed. */
  static async start(options: SourceWatcherOptions): Promise<SourceWatcher> {
    const watcher = watch(options.root, {
      ignoreInitial: true,
      ignored: (path) =>
        relative(options.root, path)
          .split(sep)
          .some((segment) => IGNORED_FOLDERS.has(segment)),
    });
    const sourceWatcher = new SourceWatcher(watcher);
    watcher.on("all", (_event, path) => sourceWatcher.#record(path, options));
    await new Promise<void>((resolve, reject) => {
      watcher.once("ready", resolve);
      watcher.once("error", reject);
    });
    return sourceWatcher;
  }

  async close(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#watcher.close();
  }

  #record(path: string, options: SourceWatcherOptions): void {
    options.onChange(path);
    this.#changed.add(path);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const paths = [...this.#changed];
      this.#changed = new Set();
      options.onChanges(paths);
    }, options.debounceMs);
  }
}
