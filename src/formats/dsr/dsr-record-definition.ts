/** The value types a DSR cell can have, from the XSD types of the profile schemas. */
export type DsrCellType = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'dateTime' | 'duration' | 'avs';

/** One cell of a DSR record type as its profile schema defines it, in file order. */
export interface DsrCellDefinition {
  /** The cell name exactly as DDEX writes it (`NetRevenue`, `DspResourceId`). */
  readonly name: string;
  /** False for cells the schema marks `minOccurs="0"` (optional or conditional). */
  readonly mandatory: boolean;
  readonly type: DsrCellType;
  /** The XSD pattern restricting the value, when the schema gives one. */
  readonly pattern?: string;
  /** The allowed-value set (`avs:CurrencyCode` → `CurrencyCode`) for `avs` cells. */
  readonly allowedValues?: string;
  /** True when the cell may hold several values separated by `|` (`maxOccurs="unbounded"`). */
  readonly multiple: boolean;
}

/** One record type version (`SY02.02`, `AS01.01`, `HEAD`) with its ordered cells. */
export interface DsrRecordDefinition {
  /** The record type exactly as the first cell of a line writes it. */
  readonly recordType: string;
  readonly cells: readonly DsrCellDefinition[];
}

/** A DSR profile version (`BasicAudioProfile` 1.2) and the record types it defines. */
export interface DsrProfileDefinition {
  /** The profile as the allowed-value set ProfileId writes it (`BasicAudioProfile`, `UGCProfile`). */
  readonly profile: string;
  /** The version of the schema (`1.0`, `1.1.1`, `1.2`). */
  readonly version: string;
  /** The record types of the multi-record-block variant, by the name a line carries. */
  readonly recordTypes: Readonly<Record<string, DsrRecordDefinition>>;
}
