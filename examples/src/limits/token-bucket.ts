// Example only: the file that Phase 1 of examples/clean-plan.md says it created, so that the example
// plans read as a small repository of their own (plan paths are also resolved next to the plan).
// `plan-hygiene lint examples/` checks that a confirmed phase's files exist; this one does.
export function takeToken(clientId: string, now: number): boolean {
  return clientId.length > 0 && now >= 0;
}
