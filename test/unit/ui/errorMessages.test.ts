import * as assert from 'node:assert/strict';
import { PartnerError, type PartnerErrorInit } from '../../../src/api';
import { userText } from '../helpers/bundleTranslate';

const sms = { service: 'sms', host: 'api.smspartner.fr' } as const;
const shown = (init: Omit<PartnerErrorInit, 'service' | 'host'>) => userText(new PartnerError({ ...sms, ...init }));
const CHECK_URL_FR = "Vérifiez l'URL de l'API dans les paramètres, ou réessayez plus tard.";

describe('describeError: what the user reads for a PartnerError', () => {
  it('reads a provider code in the context of its operation', () => {
    assert.deepEqual(shown({ kind: 'api', code: 4 }), {
      en: 'SMS Partner: no message with this id was found (code 4).',
      fr: 'SMS Partner : aucun message ne porte cet identifiant (code 4).',
    });
    assert.deepEqual(shown({ kind: 'api', code: 4, context: 'transfer' }), {
      en: 'SMS Partner: this account may not manage sub-account credit (code 4).',
      fr: "SMS Partner : ce compte n'a pas le droit de gérer le crédit des sous-comptes (code 4).",
    });
    // Codes the transfer endpoints share with the others keep their general meaning.
    assert.equal(
      shown({ kind: 'api', code: 96, context: 'transfer' }).en,
      "SMS Partner: this machine's IP address is not authorized (code 96).",
    );
    assert.equal(
      shown({ kind: 'api', code: 9, context: 'transfer' }).fr,
      'SMS Partner : la clé API est invalide (code 9). Saisissez à nouveau la clé API.',
    );
    assert.deepEqual(shown({ kind: 'api', code: 20, context: 'transfer' }), {
      en: 'SMS Partner returned error code 20.',
      fr: "SMS Partner a renvoyé le code d'erreur 20.",
    });
  });

  it('says what it knows when a detail is missing', () => {
    const limited = shown({ kind: 'rateLimited', status: 429 });
    assert.equal(limited.fr, 'SMS Partner limite les requêtes (HTTP 429). Réessayez plus tard.');
    assert.equal(shown({ kind: 'timeout' }).fr, "SMS Partner n'a pas répondu à temps. Réessayez plus tard.");
    assert.equal(shown({ kind: 'timeout', timeoutMs: 1150 }).en, 'SMS Partner timed out after 1.2 s. Try again later.');
    const network = shown({ kind: 'network' });
    assert.equal(network.en, 'Cannot reach api.smspartner.fr. Check your network connection or proxy.');
    assert.deepEqual(shown({ kind: 'redirect', redirect: { refuse: 'badLocation' } }), {
      en: 'SMS Partner redirected the request to an invalid address; nothing was sent there.',
      fr: "SMS Partner a redirigé la requête vers une adresse invalide ; rien n'y a été envoyé.",
    });
    assert.equal(shown({ kind: 'malformed' }).fr, `Réponse inattendue de SMS Partner. ${CHECK_URL_FR}`);
    const revoked = shown({ kind: 'certificate', systemCode: 'CERT_REVOKED' });
    assert.match(revoked.fr, /le certificat de api\.smspartner\.fr n'a pas pu être vérifié\./);
  });

  it('translates the detail of a malformed answer, and leaves a schema path as it is', () => {
    const xml = shown({ kind: 'malformed', malformed: { kind: 'notXml', line: 3 } });
    assert.equal(xml.fr, `Réponse inattendue de SMS Partner (XML mal formé, ligne 3). ${CHECK_URL_FR}`);
    assert.match(shown({ kind: 'malformed', malformed: { kind: 'noSuccess' } }).fr, /\(pas d’indicateur de succès\)/);
    const schema = shown({ kind: 'malformed', malformed: { kind: 'schema', text: 'user: missing' } });
    assert.match(schema.fr, /\(user: missing\)/);
  });

  it("never reads a placeholder inside the provider's text as one of its own", () => {
    const provider = shown({ kind: 'api', code: 42, providerMessage: 'Erreur {0} {1}' });
    assert.equal(provider.fr, "SMS Partner a renvoyé le code d'erreur 42 : Erreur {0} {1}.");
  });

  it('has a French text for every kind, and keeps French out of the log message', () => {
    const kinds = ['api', 'http', 'network', 'timeout', 'cancelled', 'malformed'] as const;
    for (const kind of [...kinds, 'rateLimited', 'redirect', 'tooLarge', 'certificate'] as const) {
      const err = new PartnerError({ ...sms, kind, code: 10, status: 503, timeoutMs: 1000, limitBytes: 2 ** 24 });
      const { en, fr } = userText(err);
      assert.notEqual(en, fr, kind);
      assert.doesNotMatch(err.message, /[àâçéèêëîïôûù]|Réessayez|Vérifiez/, kind);
    }
  });
});
