import { DECODER_NAMES, type DecoderName, type ForcedDecoders } from '@kafka-inspector/shared';
import { useInspector } from './store-context';

const LABELS: Partial<Record<DecoderName, string>> = { auto: 'auto (detect)', 'schema-registry': 'schema registry', 'local-schema': 'local schema', 'protobuf-raw': 'raw Protobuf', none: 'none (raw)' };

/** The topic's forced decoders with `part` set ('auto' drops it: auto is what an absent one means). */
export function withDecoder(current: ForcedDecoders | undefined, part: 'key' | 'value', decoder: DecoderName): ForcedDecoders {
  const next: ForcedDecoders = { ...current };
  if (decoder === 'auto') delete next[part];
  else next[part] = decoder;
  return next;
}

/**
 * Tail form: force a decoder for the topic's key and value instead of auto-detection, remembered
 * per topic in the preferences and sent with tailStart.
 */
export function SchemaDecoderPicker({ topic }: { topic: string }) {
  const saved = useInspector((s) => (topic ? s.preferences.decoders?.[topic] : undefined));
  const all = useInspector((s) => s.preferences.decoders);
  const setPreferences = useInspector((s) => s.setPreferences);
  const choose = (part: 'key' | 'value', decoder: DecoderName) => {
    const next = withDecoder(saved, part, decoder);
    const rest = { ...all };
    delete rest[topic];
    setPreferences({ decoders: next.key || next.value ? { ...rest, [topic]: next } : rest });
  };
  return (
    <>
      {(['key', 'value'] as const).map((part) => (
        <label key={part}>
          {part === 'key' ? 'Key decoder' : 'Value decoder'}
          <select value={saved?.[part] ?? 'auto'} disabled={!topic} onChange={(e) => choose(part, e.target.value as DecoderName)} data-testid={`tail-${part}-decoder`}>
            {DECODER_NAMES.map((name) => (
              <option key={name} value={name}>
                {LABELS[name] ?? name}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}
