import Bottleneck from "bottleneck";

// GitHub's secondary rate limits for content creation (comments, issues, PRs): at most 80 a minute
// and 500 an hour per installation, on top of one mutation a second. @octokit/plugin-throttling's
// own limiter spaces them 3 s apart, which is slower than needed in a burst (20 a minute) and, held
// for an hour, still allows 1 200. This one is a token bucket: 50 at one a second, refilled one per
// 8 s up to 50 — never more than 50 + 450 = 500 in any hour nor 58 in any minute. The plugin's
// write limiter still keeps every mutation ≥ 1 s apart.

const BURST = 50;
const REFILL_EVERY_MS = 8000;

type Connection = InstanceType<typeof Bottleneck.IORedisConnection> | InstanceType<typeof Bottleneck.RedisConnection>;

const groups = new WeakMap<object, Bottleneck.Group>();
let local: Bottleneck.Group | null = null;

/**
 * The `notifications` group for the throttle options, keyed per installation by the plugin (the
 * octokit's throttle `id`); shared by every client of this process, and through Redis by every
 * replica when Probot's throttle has a Redis `connection`.
 */
export function contentCreationLimiter(connection?: Connection): Bottleneck.Group {
  const options = {
    id: "plan-hygiene-content",
    maxConcurrent: 1,
    minTime: 1000,
    reservoir: BURST,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: REFILL_EVERY_MS,
    reservoirIncreaseMaximum: BURST,
    timeout: 1000 * 60 * 2,
  };
  if (!connection) return (local ??= new Bottleneck.Group(options));
  let group = groups.get(connection);
  if (!group) groups.set(connection, (group = new Bottleneck.Group({ ...options, connection })));
  return group;
}
