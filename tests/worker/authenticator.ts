// A software passkey for the workerd tests: an ES256 key pair and the bytes a phone's authenticator
// would send (WebAuthn Level 3 §6.1 authenticator data, §6.5.4 "none" attestation, COSE EC2 key
// per RFC 9053), so the server's checks can be attacked one by one. Chromium's virtual
// authenticator drives the real flow in tests/browser/inbox.browser.ts.
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromB64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};
const sha256 = async (data: Uint8Array | string) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : data));
const u32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** WebCrypto's ECDSA signature is r‖s; WebAuthn wants ASN.1 DER. */
function der(raw: Uint8Array): Uint8Array {
  const int = (x: Uint8Array) => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    const v = x.slice(i);
    return v[0] & 0x80 ? concat(new Uint8Array([2, v.length + 1, 0]), v) : concat(new Uint8Array([2, v.length]), v);
  };
  const body = concat(int(raw.slice(0, 32)), int(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

export async function softPasskey(rpId: string) {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', keys.publicKey)) as JsonWebKey;
  // COSE_Key {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}, CBOR by hand.
  const cose = concat(
    new Uint8Array([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]),
    fromB64url(jwk.x!),
    new Uint8Array([0x22, 0x58, 0x20]),
    fromB64url(jwk.y!),
  );
  const id = crypto.getRandomValues(new Uint8Array(16));
  const rpIdHash = await sha256(rpId);
  let counter = 0;

  const clientData = (type: string, challenge: string, origin: string) =>
    new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    id: b64url(id),
    /** The COSE public key as the passkeys table keeps it. */
    publicKey: b64url(cose),
    /** navigator.credentials.create()'s answer, as @simplewebauthn/browser sends it. */
    register(challenge: string, origin: string) {
      const authData = concat(rpIdHash, new Uint8Array([0x45]), u32(0), new Uint8Array(16), new Uint8Array([0, 16]), id, cose);
      // {"fmt": "none", "attStmt": {}, "authData": bytes}
      const attestation = concat(
        new Uint8Array([0xa3, 0x63, ...new TextEncoder().encode('fmt'), 0x64, ...new TextEncoder().encode('none')]),
        new Uint8Array([0x67, ...new TextEncoder().encode('attStmt'), 0xa0, 0x68, ...new TextEncoder().encode('authData')]),
        new Uint8Array([0x59, authData.length >> 8, authData.length & 255]),
        authData,
      );
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', challenge, origin)),
          attestationObject: b64url(attestation),
          transports: ['internal'],
        },
      };
    },
    /** navigator.credentials.get()'s answer; `counter` lets a test send an old one. */
    async authenticate(challenge: string, origin: string, at = ++counter) {
      const authData = concat(rpIdHash, new Uint8Array([0x05]), u32(at)); // UP | UV
      const data = clientData('webauthn.get', challenge, origin);
      const signed = concat(authData, await sha256(data));
      const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, signed));
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authData),
          signature: b64url(der(signature)),
        },
      };
    },
  };
}
