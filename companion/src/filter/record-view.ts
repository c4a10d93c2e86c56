import { mayBeJsonContainer } from '../codec/utf8';
import type { RawRecord } from '../kafka/gateway';

/**
 * One record's decoded parts, each computed on first use and kept: the text and CEL filters share
 * them, so a value is decoded and JSON-parsed at most once per record however many filters ask.
 * Binary bytes decode lossily (U+FFFD), which is what a text search over them wants.
 */
export class RecordView {
  #keyText: string | null | undefined;
  #valueText: string | null | undefined;
  #valueData: unknown;
  #valueParsed = false;
  #headerTexts: Array<string | null> | undefined;

  constructor(readonly record: RawRecord) {}

  get keyText(): string | null {
    if (this.#keyText === undefined) this.#keyText = this.record.key?.toString('utf8') ?? null;
    return this.#keyText;
  }

  get valueText(): string | null {
    if (this.#valueText === undefined) this.#valueText = this.record.value?.toString('utf8') ?? null;
    return this.#valueText;
  }

  /** Parsed JSON when the value is a JSON object or array (as the codec decides), else its text. */
  get valueData(): unknown {
    if (!this.#valueParsed) {
      this.#valueParsed = true;
      this.#valueData = this.valueText;
      if (this.record.value !== null && mayBeJsonContainer(this.record.value)) {
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
