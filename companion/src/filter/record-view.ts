import { mayBeJsonContainer } from '../codec/utf8';
import type { RawRecord } from '../kafka/gateway';

/** Decodes a record's value some other way (Avro, Protobuf through a schema registry); undefined: not this record. */
export type ValueDecoder = (record: RawRecord) => unknown;

/**
 * One record's decoded parts, each computed on first use and kept: the text and CEL filters share
 * them, so a value is decoded and JSON-parsed at most once per record however many filters ask,
 * and not at all when no filter asks. Binary bytes decode lossily (U+FFFD).
 */
export class RecordView {
  #keyText: string | null | undefined;
  #valueText: string | null | undefined;
  #valueData: unknown;
  #valueParsed = false;
  #decoded: unknown;
  #decodedDone = false;
  #decodedText: string | undefined;
  #headerTexts: Array<string | null> | undefined;

  constructor(
    readonly record: RawRecord,
    private readonly valueOf?: ValueDecoder,
  ) {}

  get keyText(): string | null {
    if (this.#keyText === undefined) this.#keyText = this.record.key?.toString('utf8') ?? null;
    return this.#keyText;
  }

  get valueText(): string | null {
    if (this.#valueText === undefined) this.#valueText = this.record.value?.toString('utf8') ?? null;
    return this.#valueText;
  }

  /** What `valueOf` made of the value, or undefined when there is no decoder or it declined. */
  get decodedValue(): unknown {
    if (!this.#decodedDone) {
      this.#decodedDone = true;
      this.#decoded = this.valueOf?.(this.record);
    }
    return this.#decoded;
  }

  /** The decoded value as JSON text, for the text filter (64-bit integers as their digits). */
  get decodedValueText(): string {
    this.#decodedText ??= JSON.stringify(this.decodedValue, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? '';
    return this.#decodedText;
  }

  /** The decoded value when there is one; else parsed JSON when the value is a JSON object or array (as the codec decides), else its text. */
  get valueData(): unknown {
    if (!this.#valueParsed) {
      this.#valueParsed = true;
      const decoded = this.decodedValue;
      this.#valueData = decoded !== undefined ? decoded : this.valueText;
      if (decoded === undefined && this.record.value !== null && mayBeJsonContainer(this.record.value)) {
        try {
          this.#valueData = JSON.parse(this.valueText as string);
        } catch {
          // Not JSON after all: the text stands.
        }
      }
    }
    return this.#valueData;
  }

  get headerTexts(): Array<string | null> {
    this.#headerTexts ??= this.record.headers.map((header) => header.value?.toString('utf8') ?? null);
    return this.#headerTexts;
  }
}
