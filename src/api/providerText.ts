/**
 * A sentence of the provider's as the user reads it: XML answers keep the line breaks and
 * indentation of the provider's templates ("Si vous\n                     souhaitez…"), which
 * notifications and tree items would show as they are. Runs of whitespace become one space.
 */
export function providerText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
