/**
 * Masks a recipient for screenshots and sharing: enough is left to tell rows
 * apart (first letter, domain's first letter and ending; a phone number's
 * country prefix and last two digits), not enough to contact anyone.
 */
export function maskRecipient(recipient: string): string {
  const value = recipient.trim();
  const at = value.lastIndexOf('@');
  if (at > 0) {
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const maskedDomain = dot > 0 ? `${domain[0]}•••${domain.slice(dot)}` : `${domain.slice(0, 1)}•••`;
    return `${local[0]}•••@${maskedDomain}`;
  }
  const digits = value.replace(/[\s.()-]/g, '');
  if (/^\+?\d{6,}$/.test(digits)) {
    const plus = digits.startsWith('+');
    const body = plus ? digits.slice(1) : digits;
    // Keep the international prefix (+33 6…) or the national one (06…), and the last two digits.
    const keep = plus ? 3 : 2;
    return `${plus ? '+' : ''}${body.slice(0, keep)}${'•'.repeat(Math.max(1, body.length - keep - 2))}${body.slice(-2)}`;
  }
  if (value.length <= 2) {
    return '•'.repeat(value.length);
  }
  return `${value[0]}${'•'.repeat(Math.min(8, value.length - 1))}`;
}
