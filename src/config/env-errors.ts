/** A setting that stops start-up; its message names the variable, in one line. */
export class ConfigValidationError extends Error {}
