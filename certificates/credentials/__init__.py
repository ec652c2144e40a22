"""Open Badges 3.0 credentials (W3C Verifiable Credentials 2.0) for issued certificates.

- `keys`: the organisations' Ed25519 signing keys, as files outside the database.
- `documents`: the OpenBadgeCredential built from a certificate's frozen snapshot, the
  issuer profile, the DID document and the Bitstring Status List credential.
- `signing`: VC-JWT (EdDSA, joserfc) and the embedded Data Integrity proof
  (`eddsa-rdfc-2022`, pyld canonicalisation).
- `loader`: the JSON-LD document loader that serves only the vendored contexts.
- `baking`: the badge image with the credential embedded (OB 3.0 §5.3).

Writes (issuing a credential, publishing a status list) are in
`certificates.services.credentials`.
"""
