import protobuf from 'protobufjs';

/**
 * proto3's JSON mapping for the well-known types protobufjs leaves as plain messages: Timestamp as
 * RFC 3339 text, Duration as "1.5s", the wrapper types as their bare value. Applied by protobufjs
 * to every type of these names (its `wrappers` registry), in toObject with `json: true` only, and
 * accepted back by fromObject, so an encoder reading JSON gets the same forms.
 */
type Converter = {
  fromObject(this: protobuf.Type, object: Record<string, unknown>): protobuf.Message;
  toObject(this: protobuf.Type, message: protobuf.Message, options?: protobuf.IConversionOptions): Record<string, unknown>;
};
const wrappers = protobuf.wrappers as unknown as Record<string, Converter>;

wrappers['.google.protobuf.Timestamp'] = {
  fromObject(object) {
    if (typeof object === 'string') {
      const ms = Date.parse(object);
      if (Number.isNaN(ms)) throw new TypeError(`not an RFC 3339 timestamp: ${object}`);
      const fraction = /\.(\d+)/.exec(object)?.[1] ?? '';
      return this.fromObject({ seconds: Math.floor(ms / 1000), nanos: Number(fraction.padEnd(9, '0').slice(0, 9)) });
    }
    return this.fromObject(object);
  },
  toObject(message, options) {
    const object = this.toObject(message, options);
    if (!options?.json) return object;
    const seconds = BigInt(String(object.seconds ?? 0));
    const nanos = Number(object.nanos ?? 0);
    const date = new Date(Number(seconds) * 1000);
    if (Number.isNaN(date.getTime())) return object;
    const fraction = nanos === 0 ? '' : `.${fractionDigits(nanos)}`;
    return `${date.toISOString().slice(0, 19)}${fraction}Z` as unknown as Record<string, unknown>;
  },
};

/** 3, 6 or 9 digits, as proto3's JSON mapping writes nanoseconds. */
function fractionDigits(nanos: number): string {
  const digits = String(nanos).padStart(9, '0');
  if (digits.endsWith('000000')) return digits.slice(0, 3);
  if (digits.endsWith('000')) return digits.slice(0, 6);
  return digits;
}

wrappers['.google.protobuf.Duration'] = {
  fromObject(object) {
    if (typeof object === 'string') {
      const match = /^(-?)(\d+)(?:\.(\d{1,9}))?s$/.exec(object);
      if (!match) throw new TypeError(`not a duration like "1.5s": ${object}`);
      const sign = match[1] ? -1 : 1;
      return this.fromObject({ seconds: sign * Number(match[2]), nanos: sign * Number((match[3] ?? '').padEnd(9, '0')) });
    }
    return this.fromObject(object);
  },
  toObject(message, options) {
    const object = this.toObject(message, options);
    if (!options?.json) return object;
    const seconds = BigInt(String(object.seconds ?? 0));
    const nanos = Number(object.nanos ?? 0);
    const negative = seconds < 0n || nanos < 0;
    const abs = (seconds < 0n ? -seconds : seconds).toString();
    const fraction = nanos === 0 ? '' : `.${String(Math.abs(nanos)).padStart(9, '0').replace(/0+$/, '')}`;
    return `${negative ? '-' : ''}${abs}${fraction}s` as unknown as Record<string, unknown>;
  },
};

for (const name of ['Double', 'Float', 'Int64', 'UInt64', 'Int32', 'UInt32', 'Bool', 'String', 'Bytes']) {
  wrappers[`.google.protobuf.${name}Value`] = {
    fromObject(object) {
      return this.fromObject(typeof object === 'object' && object !== null ? object : { value: object });
    },
    toObject(message, options) {
      const object = this.toObject(message, options);
      return (options?.json ? object.value : object) as Record<string, unknown>;
    },
  };
}
