import * as assert from 'node:assert/strict';
import { compilePatterns, findMessageIds } from '../../../../src/providers/messageLinks/messageIdPatterns';

const defaults = compilePatterns([]).patterns;
const ids = (text: string) =>
  findMessageIds(text, defaults, 100).map((m) => ({ id: m.id, service: m.service, at: text.slice(m.start, m.end) }));

describe('message ids in text', () => {
  it('finds the ids of the provider answers and common logs, and the service from the key', () => {
    const cases: [string, string, 'sms' | 'mail' | undefined][] = [
      ['{"success":true,"message_id": 307,"nb_sms":1}', '307', 'sms'],
      ['{ "messageId": "4242" }', '4242', 'mail'],
      ['sent ok message_id=307 cost=0.045', '307', 'sms'],
      ['INFO mail sent messageId: 4242', '4242', 'mail'],
      ["$r['message_id'] => 99", '99', 'sms'],
      ['GET /v1/bulk-status?apiKey=x&messageId=300', '300', 'mail'],
      ['<message_id>307</message_id>', '307', 'sms'],
      ['<messageId> 88 </messageId>', '88', 'mail'],
    ];
    for (const [text, id, service] of cases) {
      assert.deepEqual(ids(text), [{ id, service, at: id }], text);
    }
  });

  it('ignores look-alikes: other keys, words, too many digits, no digits', () => {
    for (const text of [
      '"message": 307',
      'my_message_id_x = 3',
      'message_id = "abc"',
      'message_id: 123456789012345678901',
      'messageIds: [1, 2]',
    ]) {
      assert.deepEqual(ids(text), [], text);
    }
  });

  it('gives exact offsets for several ids on several lines, and stops at the limit', () => {
    const text = '{\n  "message_id": 1,\n  "x": {"messageId": "22"}\n}\nmessage_id=333';
    const found = findMessageIds(text, defaults, 100);
    assert.deepEqual(
      found.map((m) => [m.id, text.slice(m.start, m.end)]),
      [
        ['1', '1'],
        ['22', '22'],
        ['333', '333'],
      ],
    );
    assert.equal(findMessageIds(text, defaults, 2).length, 2);
    const many = Array.from({ length: 5000 }, (_, i) => `message_id=${i}`).join('\n');
    assert.equal(findMessageIds(many, defaults, 1000).length, 1000);
  });

  it('refuses bad patterns with a reason instead of throwing, and keeps the good ones', () => {
    const check = compilePatterns(['id#(\\d+)', '(', 'no group \\d+', '(a)(\\d+)', '(\\d*)', 42, 'x'.repeat(400)]);
    assert.deepEqual(
      check.patterns.map((p) => p.source),
      ['id#(\\d+)'],
    );
    assert.deepEqual(
      check.refused.map((r) => r.problem),
      ['invalid', 'groups', 'groups', 'empty', 'notText', 'tooLong'],
    );
    const found = findMessageIds('see id#777 and message_id=1', check.patterns, 10);
    assert.deepEqual(
      found.map((m) => [m.id, m.service]),
      [['777', undefined]],
    );
  });

  it('a user pattern with one capture group that names the key keeps the service hint', () => {
    const { patterns } = compilePatterns(['sms message_id #(\\d+)']);
    assert.deepEqual(
      findMessageIds('sms message_id #12', patterns, 10).map((m) => m.service),
      ['sms'],
    );
  });
});
