/** Why a server's certificate was refused, grouped by what the user can do about it. */
export type CertificateProblem =
  'selfSigned' | 'untrustedIssuer' | 'expired' | 'notYetValid' | 'wrongName' | 'unverified';

// Node's codes for OpenSSL's verification errors, grouped by what the user can do about them.
const GROUPS: readonly [RegExp, CertificateProblem][] = [
  [/^DEPTH_ZERO_SELF_SIGNED_CERT$/, 'selfSigned'],
  // The chain ends at an authority this machine does not know: typical behind a
  // TLS-inspecting proxy whose company authority VS Code was not given.
  [/^(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_UNTRUSTED|INVALID_CA)$/, 'untrustedIssuer'],
  [/^UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?$/, 'untrustedIssuer'],
  [/^CERT_HAS_EXPIRED$/, 'expired'],
  [/^CERT_NOT_YET_VALID$/, 'notYetValid'],
  [/^(ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH)$/, 'wrongName'],
  [/^(CERT_|UNABLE_TO_DECRYPT_CERT|UNABLE_TO_DECODE_ISSUER|ERROR_IN_CERT)/, 'unverified'],
  [/^(PATH_LENGTH_EXCEEDED|INVALID_PURPOSE)$/, 'unverified'],
];

/** The certificate problem behind a system error code, or undefined for any other network failure. */
export function certificateProblem(systemCode: string | undefined): CertificateProblem | undefined {
  return systemCode === undefined ? undefined : GROUPS.find(([pattern]) => pattern.test(systemCode))?.[1];
}
