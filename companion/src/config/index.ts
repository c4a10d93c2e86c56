export { type CliOptions, parseCliArgs, parseSubcommand, type Subcommand } from './cli-args';
export { ConfigError } from './config-error';
export { helpText } from './help';
export { DEFAULT_HOST, type LoadedConfig, loadConfig, resolveConfig } from './load-config';
export { redactConfig } from './redact';
export { ensureToken, type TokenFile } from './token';
export * from './types';
