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
} as const;

/** A documented Clef error code. */
export type ErrorCode = keyof typeof errorCodes;
