/**
 * The wire protocol version, sent in `hello` and echoed in `welcome`.
 *
 * Bump it only for a breaking change: removing or renaming a frame or field, or changing a field's
 * meaning. Adding an optional field or a new frame type keeps the version, because old peers ignore
 * what they do not know and new peers treat the field as absent.
 */
export const PROTOCOL_VERSION = 1;
