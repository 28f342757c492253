// Reading a JWT needs no key: header and claims are only base64url-encoded
// JSON. That is worth seeing — anyone holding the token can read it. What
// they cannot do is change it, because the signature covers those bytes.

/** base64url text → UTF-8 string. */
export function base64urlDecode(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** UTF-8 string → base64url text without padding. */
export function base64urlEncode(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Splits and decodes a compact JWS. Throws if it is not three parts of base64url JSON. */
export function decodeJWT(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new Error(`a JWT has 3 dot-separated parts, this has ${parts.length}`);
  return {
    header: JSON.parse(base64urlDecode(parts[0])),
    claims: JSON.parse(base64urlDecode(parts[1])),
    signature: parts[2],
  };
}

/** Tamper 1: change one character in the middle of the payload, keep the signature. */
export function flipPayloadCharacter(token) {
  const [header, payload, signature] = token.split('.');
  const i = Math.floor(payload.length / 2);
  const replacement = payload[i] === 'A' ? 'B' : 'A';
  return [header, payload.slice(0, i) + replacement + payload.slice(i + 1), signature].join('.');
}

/** Tamper 2: the classic "alg: none" forgery — no signature at all, and
 *  while we are at it, grant ourselves admin:users. */
export function forgeAlgNone(token) {
  const { claims } = decodeJWT(token);
  const scopes = new Set(String(claims.scope || '').split(' ').filter(Boolean));
  scopes.add('admin:users');
  const header = base64urlEncode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const payload = base64urlEncode(JSON.stringify({ ...claims, scope: [...scopes].join(' ') }));
  return `${header}.${payload}.`;
}

/** Lowercase hex SHA-256 of a string, to match /api/inspect's prefixes.
 *  crypto.subtle exists only in secure contexts (https, localhost, 127.0.0.1). */
export async function sha256Hex(text) {
  if (!globalThis.crypto || !crypto.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
