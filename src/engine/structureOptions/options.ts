import type Decimal from 'decimal.js';
import type { GivenBand } from './givenBands';
import type { BroadbandSpec } from './broadbands';
import type { LocationDifferential } from './geography';
import type { StepMethod } from './steps';

/** Where midpoints come from: the pay line at each band centre, or a target progression from grade 1. */
export type MidpointMethod = 'Pay Line' | 'Progression';

/** Every structure design option beyond the base structure (the Assumptions parameters of the issue). */
export interface StructureOptions {
  midpointMethod: MidpointMethod;
  /** Target midpoint progression of the first and the last step (equal for a constant progression). */
  progression: { low: number; high: number };
  /** Grade 1's midpoint as given (used as is); undefined: the pay line at grade 1's band centre, rounded. */
  firstMidpoint?: Decimal;
  /** User-defined grade bands (the `Grade Bands` sheet) replacing the computed ones. */
  givenBands?: GivenBand[];
  /** Broadbands over the grades; undefined: none. */
  broadbands?: BroadbandSpec;
  /** Steps per grade; undefined: no step scale. */
  steps?: number;
  stepMethod: StepMethod;
  /** Geographic differentials (the `Locations` sheet); undefined or empty: none. */
  locations?: LocationDifferential[];
}

export const DEFAULT_STRUCTURE_OPTIONS: StructureOptions = {
  midpointMethod: 'Pay Line',
  progression: { low: 0.1, high: 0.1 },
  stepMethod: 'Equal Amount',
};
