/**
 * Who may use the API and the portal: users with a role bound to what they may see (a member's party, a licensee,
 * a DSP), API tokens and web sessions. Tokens and session ids are stored only as SHA-256 digests, passwords as
 * scrypt hashes, so a copy of the store gives no way in.
 */
export interface AccessTables {
  users: UserTable;
  api_tokens: ApiTokenTable;
  web_sessions: WebSessionTable;
}

/** A person or system that signs in. */
export interface UserTable {
  user_name: string;
  /** `admin`, `member`, `licensee` or `dsp`. */
  role: string;
  /** The member's party id (role member). */
  party_id: string | null;
  /** The licensee's id (role licensee). */
  licensee_id: string | null;
  /** The DSP's DDEX party id (role dsp). */
  dpid: string | null;
  /** `scrypt$N$r$p$salt$hash` (base64), or NULL for a user who only uses tokens. */
  password_hash: string | null;
  created_at: string;
  actor: string;
}

/** An API token by the SHA-256 digest of its text. */
export interface ApiTokenTable {
  token_digest: string;
  user_name: string;
  /** The token's first characters, so a person can tell tokens apart without the secret. */
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

/** A web session by the SHA-256 digest of its cookie value, with the token its forms must echo (CSRF). */
export interface WebSessionTable {
  session_digest: string;
  user_name: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
