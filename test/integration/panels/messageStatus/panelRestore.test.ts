import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MESSAGE_STATUS_VIEW_TYPE as VIEW_TYPE } from '../../../../src/panels/viewTypes';
import { rendered, resetAll, sessionOf, setKeys, waitFor } from '../../helpers/harness';

describe('Message status panel restore', () => {
  it('the serializer brings a panel back from its saved state and renders it', async () => {
    const { api, emu } = await resetAll();
    await setKeys(api, emu, ['mail']);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {
      enableScripts: true,
    });
    let disposed = false;
    panel.onDidDispose(() => (disposed = true));
    await api.panels.deserializeWebviewPanel(panel, { service: 'mail', messageId: '4242', filterText: 'UNDELIV' });
    assert.equal(disposed, false, 'the restored panel is kept');
    const restored = api.panels.get(sessionOf(api, 'mail').id, '4242');
    assert.ok(restored, 'tracked again');
    assert.equal(panel.title, 'Message 4242 · Mail Partner');
    await waitFor(() => rendered(restored)?.rowCount === 48, 'rendered', 20_000);
    assert.equal(rendered(restored)?.shownCount, 4, 'the saved filter applies again');
    restored.dispose();
  });

  it('a saved state that is not ours closes the panel', async () => {
    const { api } = await resetAll();
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'bogus', vscode.ViewColumn.Active, {});
    let disposed = false;
    panel.onDidDispose(() => (disposed = true));
    await api.panels.deserializeWebviewPanel(panel, { service: 'fax' as never, messageId: '12a' });
    assert.equal(disposed, true);
  });
});
