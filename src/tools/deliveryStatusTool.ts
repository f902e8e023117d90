import * as vscode from 'vscode';
import { checkMessageId, type ServiceId } from '../api';
import { messageIdProblem } from '../commands/messageStatusCommand';
import { accountTitle } from './accountChoice';
import { deliveryStatusText } from './deliveryStatusText';
import { DELIVERY_STATUS_SCHEMA, DEFAULT_MAX_ROWS } from './toolSchemas';
import { type PartnerTool } from './partnerTool';
import { toolAccount, ToolInputProblem } from './toolAccount';
import { assertUsable } from './assertUsable';

export interface DeliveryStatusInput {
  readonly messageId: string;
  readonly account?: string;
  readonly service?: ServiceId;
  readonly maxRows?: number;
}

export const deliveryStatusTool: PartnerTool<DeliveryStatusInput> = {
  name: 'partnerExplorer_deliveryStatus',
  inputSchema: DELIVERY_STATUS_SCHEMA,
  progressMessage: (input) => vscode.l10n.t('Reading the delivery status of message {0}…', input.messageId),
  async run(input, context, signal) {
    // The words of Show Message Status for a bad id; no request for it.
    const checked = checkMessageId(input.messageId);
    if (!checked.ok) {
      throw new ToolInputProblem(messageIdProblem(input.messageId) ?? checked.reason);
    }
    const session = toolAccount(context.sessions, input, context.sharePersonalData());
    assertUsable(session);
    const status = await session.getMessageStatus(checked.id, signal);
    return deliveryStatusText(
      {
        title: accountTitle(session, context.sharePersonalData()),
        accountId: session.id,
        status,
        sharePersonalData: context.sharePersonalData(),
        maxRows: input.maxRows ?? DEFAULT_MAX_ROWS,
      },
      vscode.l10n.t,
      vscode.env.language,
    );
  },
};
