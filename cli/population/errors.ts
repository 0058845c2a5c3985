// An error of a population run that the CLI reports as such (exit 1), not as an internal error.
export class PopulationError extends Error {}
