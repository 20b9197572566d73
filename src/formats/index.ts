import type { FormatId, PlanFormat } from "./types.js";
import { generic } from "./generic.js";
import { gsd } from "./gsd.js";
import { humanlayer } from "./humanlayer.js";
import { kiro } from "./kiro.js";
import { openspec } from "./openspec.js";
import { specKit } from "./spec-kit.js";
import { superpowers } from "./superpowers.js";
import { template } from "./template.js";

/** Every format, in the order ties between equally strong markers are decided; `generic` last. Adding a format = one line here. */
export const formats: readonly PlanFormat[] = [template, humanlayer, specKit, gsd, openspec, superpowers, kiro, generic];

export function formatById(id: FormatId): PlanFormat {
  return formats.find((f) => f.id === id) ?? generic;
}
