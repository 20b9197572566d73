/**
 * A whole-number setting from the environment (`name`, from `min` to `max`): its value, nothing
 * when unset or empty, or — for anything else ("10m", "1e2", "-1") — a one-line `problem` for the
 * log saying what is expected and that `fallback` is used instead.
 */
export function wholeNumberEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  range: { min: number; max: number; fallback: number; unit?: string; zero?: string },
): { value?: number; problem?: string } {
  const raw = env[name];
  const trimmed = raw?.trim();
  if (trimmed === undefined || trimmed === "") return {};
  const value = Number(trimmed);
  if (/^\d+$/.test(trimmed) && value >= range.min && value <= range.max) return { value };
  const unit = range.unit ? ` of ${range.unit}` : "";
  const zero = range.zero && range.min === 0 ? ` (${range.zero})` : "";
  return { problem: `plan-hygiene: ${name} must be a whole number${unit} from ${range.min}${zero} to ${range.max}; got \`${raw}\`, using ${range.fallback}` };
}
