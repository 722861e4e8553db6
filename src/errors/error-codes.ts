/**
 * Every error code of Clef with its meaning, HTTP status and CLI exit code, in one map.
 * `docs/errors.md` documents each; a test checks both directions.
 * Parts keep their codes together under their prefix; add a row here and in the docs.
 */
export const errorCodes = {
  // general
  CLEF_USAGE_INVALID_ARGUMENT: { status: 400, exit: 2, description: 'A command or request argument is malformed.' },
  CLEF_NOT_FOUND: { status: 404, exit: 1, description: 'The named record does not exist.' },
  CLEF_AMBIGUOUS: { status: 409, exit: 1, description: 'An identifier names several records; the candidates are listed.' },
  CLEF_FILE_UNREADABLE: { status: 400, exit: 1, description: 'An input file cannot be read (missing, wrong encoding, truncated).' },
  // settings
  CLEF_SETTINGS_MISSING: { status: 409, exit: 1, description: 'A setting the command needs has not been made; the message names the `clef settings set` option.' },
  CLEF_SETTINGS_INVALID: { status: 400, exit: 2, description: 'A setting value is not valid (unknown society code, currency, sister society).' },
  // store
  CLEF_STORE_UNSUPPORTED_URL: { status: 500, exit: 2, description: 'The database location is neither a file path nor a postgres:// URL.' },
  CLEF_STORE_NOT_CREATED_BY_DEMO: { status: 409, exit: 1, description: 'The demo refuses to touch a database it did not create.' },
  // identifiers
  CLEF_ID_INVALID: { status: 400, exit: 1, description: 'An identifier is malformed or its check digit is wrong.' },
  // money (src/money: micro-units, rates, allocation, currencies)
  CLEF_MONEY_AMOUNT_INVALID: { status: 400, exit: 1, description: 'A decimal amount, rate or percentage is malformed or has more decimals than allowed without a rounding mode.' },
  CLEF_MONEY_CURRENCY_INVALID: { status: 400, exit: 1, description: 'A currency is not a current ISO 4217 code.' },
  CLEF_MONEY_CURRENCY_MISMATCH: { status: 422, exit: 1, description: 'Amounts in different currencies were combined without an exchange rate.' },
  CLEF_MONEY_ALLOCATION_INVALID: { status: 422, exit: 1, description: 'An allocation has a negative weight, a repeated key, or a non-zero total over weights that are all zero.' },
  // registry
  CLEF_REGISTRY_SHARES_INVALID: { status: 422, exit: 1, description: 'A registration\'s shares break a share rule (totals, publisher limit, collection over 100 %).' },
  CLEF_REGISTRY_PARTY_UNKNOWN: { status: 422, exit: 1, description: 'A registration names a party that is not documented.' },
  CLEF_REGISTRY_ROW_INVALID: { status: 422, exit: 1, description: 'An imported row is invalid; the message names line, column and field.' },
  CLEF_REGISTRY_ROLE_UNKNOWN: { status: 422, exit: 1, description: 'A CWR role code is not in the lookup table.' },
  CLEF_REGISTRY_TERRITORY_UNKNOWN: { status: 422, exit: 1, description: 'A TIS territory code is not in the lookup table.' },
  CLEF_REGISTRY_AI_FACET_INVALID: { status: 422, exit: 1, description: 'An AI provenance facet or value is not one of the allowed ones.' },
  // registry rules (src/registry: validation, disputes, affiliations)
  CLEF_REGISTRY_AUTHOR_MISSING: { status: 422, exit: 1, description: 'A registration of a work that is not fully AI-generated names no writer.' },
  CLEF_REGISTRY_AI_GENERATED_WORK: { status: 200, exit: 0, description: 'Flag: the work is fully AI-generated (registered, labelable, treated separately by distribution rules).' },
  CLEF_REGISTRY_DISPUTE: { status: 409, exit: 1, description: 'Registrations of the same work together claim more than 100 % of a right in a territory; every claim is kept.' },
  CLEF_REGISTRY_AFFILIATION_CONFLICT: { status: 409, exit: 1, description: 'A declared society affiliation contradicts the CMO\'s member records; reported, not applied.' },
  CLEF_MEMBER_INVALID: { status: 422, exit: 1, description: 'A member record is invalid (rights, territories, dates, IPI).' },
  // labels (AI-content labels: GB 45438 implicit labels, C2PA manifests, keys)
  CLEF_LABEL_FILE_MALFORMED: { status: 422, exit: 1, description: 'An audio file\'s container is malformed or hostile (truncated, wrong or huge sizes, frames outside the file); the message names the byte offset.' },
  CLEF_LABEL_FORMAT_UNSUPPORTED: { status: 415, exit: 1, description: 'The audio format cannot carry a label (only MP3, WAV, FLAC and Ogg Vorbis/Opus can).' },
  CLEF_LABEL_AIGC_INVALID: { status: 422, exit: 1, description: 'An AIGC implicit label is not the JSON object GB 45438 describes.' },
  CLEF_LABEL_ALREADY_LABELED: { status: 409, exit: 1, description: 'The file already carries an AIGC label: propagate it instead of issuing a new one.' },
  CLEF_LABEL_NOT_LABELED: { status: 409, exit: 1, description: 'The file carries no AIGC label to propagate.' },
  CLEF_LABEL_KEY_MISSING: { status: 409, exit: 1, description: 'The key folder lacks a key the command needs; run `clef keys init` or `clef keys import`.' },
  CLEF_LABEL_KEY_INVALID: { status: 400, exit: 1, description: 'A key or certificate given to `clef keys import` cannot be read or does not fit its use.' },
  CLEF_LABEL_SIGNING_FAILED: { status: 500, exit: 1, description: 'The C2PA library refused to sign or embed the manifest; its message is included.' },
  CLEF_LABEL_SUBJECT_MISSING: { status: 400, exit: 2, description: 'A label needs either a registered recording or a source type, producer and content id.' },
  // DDEX DSR flat files (src/formats/dsr)
  CLEF_DSR_FILE_NAME_INVALID: { status: 422, exit: 1, description: 'A DSR file name does not follow `DSR_<Recipient>_<Sender>_<Service>_<Period>_<Territory>_<x>of<y>_<Created>.tsv[.gz]`, or disagrees with its HEAD (warning).' },
  CLEF_DSR_ENCODING_INVALID: { status: 422, exit: 1, description: 'A DSR line is not valid UTF-8.' },
  CLEF_DSR_EMPTY_LINE: { status: 422, exit: 1, description: 'A DSR file contains an empty line (warning: it is counted and skipped).' },
  CLEF_DSR_HEAD_INVALID: { status: 422, exit: 1, description: 'A DSR file does not start with a HEAD record, or its HEAD declares no known profile and version.' },
  CLEF_DSR_RECORD_TYPE_UNKNOWN: { status: 422, exit: 1, description: 'A DSR line names a record type the declared profile does not define.' },
  CLEF_DSR_RECORD_VERSION_MISMATCH: { status: 422, exit: 1, description: "A DSR record-type version differs from what the HEAD's profile version defines (warning: it is read with its own definition)." },
  CLEF_DSR_RECORD_ORDER: { status: 422, exit: 1, description: 'DSR records are out of order or a block is broken (summaries after blocks, usage before its resource, a block split or without a resource, a record after FOOT).' },
  CLEF_DSR_CELL_MISSING: { status: 422, exit: 1, description: 'A mandatory DSR cell is empty or missing.' },
  CLEF_DSR_CELL_INVALID: { status: 422, exit: 1, description: 'A DSR cell does not fit its definition (not an integer, decimal, boolean, date, duration, allowed value or pattern).' },
  CLEF_DSR_CELL_EXTRA: { status: 422, exit: 1, description: 'A DSR line has more non-empty cells than its record type defines (warning: they are ignored).' },
  CLEF_DSR_IDENTIFIER_INVALID: { status: 422, exit: 1, description: 'A DSP identifier in a DSR cell is malformed (ISRC shape, ISWC check digit, party id): warning, the value is kept as received but not used for matching.' },
  CLEF_DSR_FOOT_MISSING: { status: 422, exit: 1, description: 'A DSR file has no FOOT record as its last record.' },
  CLEF_DSR_FOOT_COUNT_MISMATCH: { status: 422, exit: 1, description: 'A DSR FOOT count (lines, comments included; summary records; blocks) disagrees with the file or report.' },
  CLEF_DSR_REPORT_INCOMPLETE: { status: 409, exit: 1, description: 'Not all files of a multi-file DSR report (xofy) are in yet.' },
  CLEF_DSR_REPORT_INCONSISTENT: { status: 422, exit: 1, description: 'The files of one DSR report disagree (HEAD, summary records, numbering, duplicates).' },
  CLEF_DSR_REPORT_REFUSED: { status: 422, exit: 1, description: 'A DSR report has structural errors and is refused whole; the located errors are listed.' },
  // audio identification
  CLEF_AUDIO_UNSUPPORTED_FORMAT: { status: 415, exit: 1, description: 'An audio file is in a format Clef cannot decode without ffmpeg (WAV, FLAC, MP3, Ogg Vorbis and Ogg Opus can be).' },
  CLEF_AUDIO_DECODE_FAILED: { status: 422, exit: 1, description: 'An audio file is corrupt or truncated and could not be decoded; the message names the file and the decoder\'s reason.' },
  CLEF_AUDIO_TOO_SHORT: { status: 422, exit: 1, description: 'An audio file holds too little sound to fingerprint (under one analysis window, or silent).' },
  CLEF_AUDIO_INDEX_MISSING: { status: 404, exit: 1, description: 'No audio index exists at the given path; build one with `clef audio index`.' },
  CLEF_AUDIO_INDEX_INVALID: { status: 500, exit: 1, description: 'An audio index file is damaged, of an unknown version, or built with other fingerprint settings.' },
  CLEF_AUDIO_MANIFEST_INVALID: { status: 422, exit: 1, description: 'An audio manifest CSV row is invalid (missing file or isrc column, malformed ISRC, file not found); the message names line and field.' },
  // CWR (src/formats/cwr): findings carry CWR's severity ER/GR/TR/RR/FR
  CLEF_CWR_NOT_TEXT: { status: 422, exit: 1, description: 'A CWR line holds control characters: the file is binary or not latin-1 text.' },
  CLEF_CWR_RECORD_TYPE_UNKNOWN: { status: 422, exit: 1, description: 'A CWR line starts with a record type its version does not define, or is empty.' },
  CLEF_CWR_HEADER_MISSING: { status: 422, exit: 1, description: 'A CWR file is empty or does not start with an HDR record.' },
  CLEF_CWR_TRAILER_MISSING: { status: 422, exit: 1, description: 'A CWR group has no GRT or the file has no TRL: it is truncated or incomplete.' },
  CLEF_CWR_RECORD_ORDER: { status: 422, exit: 1, description: 'A CWR record is out of place (HDR not first, transaction outside a group, SPT not after its SPU, record after TRL).' },
  CLEF_CWR_SEQUENCE: { status: 422, exit: 1, description: 'A CWR transaction or record sequence number is not the next one expected.' },
  CLEF_CWR_COUNT_MISMATCH: { status: 422, exit: 1, description: 'A CWR GRT or TRL count (groups, transactions, records) or group ID disagrees with the file.' },
  CLEF_CWR_FIELD_MISSING: { status: 422, exit: 1, description: 'A mandatory CWR field is empty.' },
  CLEF_CWR_FIELD_NOT_NUMERIC: { status: 422, exit: 1, description: 'A numeric CWR field holds something other than digits.' },
  CLEF_CWR_SHARE_NOT_NUMERIC: { status: 422, exit: 1, description: 'A CWR share field holds something other than digits.' },
  CLEF_CWR_SHARE_INVALID: { status: 422, exit: 1, description: 'A CWR share is over 100 %.' },
  CLEF_CWR_SHARE_TOTAL: { status: 422, exit: 1, description: 'The ownership shares of a CWR work do not add up to 100 % (±0.06 %) or 0 for a right.' },
  CLEF_CWR_DATE_INVALID: { status: 422, exit: 1, description: 'A CWR date field is not a valid YYYYMMDD date.' },
  CLEF_CWR_TIME_INVALID: { status: 422, exit: 1, description: 'A CWR time or duration field is not a valid HHMMSS value.' },
  CLEF_CWR_LOOKUP_UNKNOWN: { status: 422, exit: 1, description: 'A CWR field value is not in its lookup table (role, publisher type, title type, society, TIS territory, flag, sender type).' },
  CLEF_CWR_ISWC_INVALID: { status: 422, exit: 1, description: 'A CWR ISWC field is malformed or has a wrong check digit.' },
  CLEF_CWR_IPI_INVALID: { status: 422, exit: 1, description: 'A CWR IPI name or base number is malformed or has wrong check digits.' },
  CLEF_CWR_TERRITORY_NONE: { status: 422, exit: 1, description: 'An SPT/SWT include/exclude chain leaves the party no territory (e.g. only `E2136`).' },
  CLEF_CWR_WRITE_INVALID: { status: 422, exit: 1, description: 'Data given to the CWR writer does not fit the record layout (value too long, unknown field or record type, bad sender).' },
  // CWR exchange (src/registry/use-cases/import-works-cwr, export-works-cwr, import-acks)
  CLEF_CWR_SUBMITTER_UNKNOWN: { status: 422, exit: 1, description: "A CWR file's HDR names no usable submitter (sender type and ID, or IPI) and none was given with --submitter." },
  CLEF_CWR_FILE_DUPLICATE: { status: 409, exit: 1, description: 'The same CWR file (same content digest) was already imported: its transactions are answered DU and not counted twice.' },
  CLEF_CWR_ACK_WORK_UNKNOWN: { status: 404, exit: 1, description: 'An acknowledgement names a work Clef does not know (by the submitter work number Clef sent or by ISWC): reported, not stored.' },
  CLEF_CWR_ACK_ISWC_CONFLICT: { status: 409, exit: 1, description: "An acknowledgement's ISWC differs from the one already on the work, or is already on another work: reported, not stored." },
  // distribution (src/distribution: policies, pools, allocation, runs)
  CLEF_DISTRIBUTION_POLICY_INVALID: { status: 422, exit: 1, description: 'A distribution policy file is malformed (version, commission, rights split, AI treatment or an override).' },
  CLEF_DISTRIBUTION_FX_RATE_MISSING: { status: 409, exit: 1, description: 'A pool is in another currency than the CMO\'s and no exchange rate is recorded for that pair and period; the message names `clef fx set`.' },
  CLEF_DISTRIBUTION_INPUT_INVALID: { status: 422, exit: 1, description: 'A pool handed to the allocation engine is inconsistent (repeated line key, unknown work, rights split not 100 %).' },
  CLEF_DISTRIBUTION_CLAIM_INVALID: { status: 409, exit: 1, description: 'A reserve claim cannot be made or decided: it reaches no money, asks for more than the reserve holds there, or was already decided.' },
  // AI training (src/ai: reservations, licences, declarations and audits, revenue, remuneration runs)
  CLEF_AI_RESERVATION_INVALID: { status: 422, exit: 1, description: 'An AI-training reservation is malformed: no or several subjects, a use that is not a CAWG use, a status other than allowed, notAllowed or constrained, a constraint without `constrained`, or a bad date.' },
  CLEF_AI_LICENCE_INVALID: { status: 422, exit: 1, description: "An AI licensee or licence is malformed (missing model or version, term end before start, unknown use, scope or division rule, a currency other than the CMO's, a negative amount)." },
  CLEF_AI_MANIFEST_INVALID: { status: 422, exit: 1, description: 'A training-data manifest (CSV or JSON) is malformed; the message names file, line and field, and nothing is imported.' },
  CLEF_AI_SUMMARY_INVALID: { status: 422, exit: 1, description: "An EU AI Act training-content summary is not the JSON form of the template's three sections; the message names the field." },
  CLEF_AI_MODEL_NOT_COVERED: { status: 422, exit: 1, description: 'A declaration names a model or model version the licence does not cover (a retrained or new version needs a new licence).' },
  CLEF_AI_ATTRIBUTION_INVALID: { status: 422, exit: 1, description: 'An attribution report is malformed, names a work or recording Clef cannot find, or its weights do not add up to the total it declares.' },
  CLEF_AI_PERIOD_OUTSIDE_TERM: { status: 422, exit: 1, description: "A revenue report or AI remuneration run is for a month outside the licence's term." },
  CLEF_AI_REVENUE_DUPLICATE: { status: 409, exit: 1, description: 'A revenue report for this licence and month is already recorded.' },
  CLEF_AI_ALREADY_DISTRIBUTED: { status: 409, exit: 1, description: 'An AI remuneration run for this licence and month was already booked; runs are immutable.' },
} as const;

/** A documented Clef error code. */
export type ErrorCode = keyof typeof errorCodes;
