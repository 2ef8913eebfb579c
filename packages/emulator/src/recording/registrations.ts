import type { DomovoiManifest } from "@domovoi/runtime";

/**
 * The registrations an invocation reached, as far as the emulator can tell from outside the
 * function: the one its caller knew it was for (a schedule, a task alias), and those named by
 * the structured lines handlers write with `context.log` (the runtime's own lines name
 * `domovoi`, which is no registration).
 */
export function reachedRegistrations(
  manifest: DomovoiManifest,
  known: string | undefined,
  logLines: readonly string[],
): string[] {
  const names = new Set(manifest.registrations.map((registration) => registration.name));
  const reached = new Set<string>();
  if (known !== undefined) reached.add(known);
  for (const line of logLines) {
    const name = loggedRegistration(line);
    if (name !== undefined && names.has(name)) reached.add(name);
  }
  return [...reached];
}

function loggedRegistration(line: string): string | undefined {
  if (!line.startsWith("{") || !line.includes('"registration"')) return undefined;
  try {
    const { registration } = JSON.parse(line) as { registration?: unknown };
    return typeof registration === "string" ? registration : undefined;
  } catch {
    return undefined;
  }
}
