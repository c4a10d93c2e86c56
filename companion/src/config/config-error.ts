/** A bad flag, environment variable or config file. The CLI prints the message and exits with 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
