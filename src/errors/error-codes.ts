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
  // registry
  CLEF_REGISTRY_SHARES_INVALID: { status: 422, exit: 1, description: 'A registration\'s shares break a share rule (totals, publisher limit, collection over 100 %).' },
  CLEF_REGISTRY_PARTY_UNKNOWN: { status: 422, exit: 1, description: 'A registration names a party that is not documented.' },
  CLEF_REGISTRY_ROW_INVALID: { status: 422, exit: 1, description: 'An imported row is invalid; the message names line, column and field.' },
  CLEF_REGISTRY_ROLE_UNKNOWN: { status: 422, exit: 1, description: 'A CWR role code is not in the lookup table.' },
  CLEF_REGISTRY_TERRITORY_UNKNOWN: { status: 422, exit: 1, description: 'A TIS territory code is not in the lookup table.' },
  CLEF_REGISTRY_AI_FACET_INVALID: { status: 422, exit: 1, description: 'An AI provenance facet or value is not one of the allowed ones.' },
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
} as const;

/** A documented Clef error code. */
export type ErrorCode = keyof typeof errorCodes;
