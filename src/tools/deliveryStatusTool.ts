import * as vscode from 'vscode';
import { checkMessageId, checkTag, MAX_TAG_LENGTH, type ServiceId } from '../api';
import { readTagStatus } from '../accounts/tagStatus';
import { messageIdProblem } from '../ui/inputProblems';
import { accountTitle } from './accountChoice';
import { deliveryStatusText } from './deliveryStatusText';
import { DELIVERY_STATUS_SCHEMA, DEFAULT_MAX_ROWS } from './toolSchemas';
import { type PartnerTool } from './partnerTool';
import { toolAccount, ToolInputProblem } from './toolAccount';
import { assertUsable } from './assertUsable';

export interface DeliveryStatusInput {
  readonly messageId?: string;
  readonly tag?: string;
  readonly account?: string;
  readonly service?: ServiceId;
  readonly maxRows?: number;
}

export const deliveryStatusTool: PartnerTool<DeliveryStatusInput> = {
  name: 'partnerExplorer_deliveryStatus',
  inputSchema: DELIVERY_STATUS_SCHEMA,
  progressMessage: (input) =>
    input.tag !== undefined
      ? vscode.l10n.t('Reading the delivery status of tag {0}…', input.tag)
      : vscode.l10n.t('Reading the delivery status of message {0}…', input.messageId ?? ''),
  async run(input, context, signal) {
    if ((input.messageId === undefined) === (input.tag === undefined)) {
      throw new ToolInputProblem(vscode.l10n.t('Give "messageId" or "tag", one of the two.'));
    }
    if (input.tag !== undefined) {
      const tag = checkTag(input.tag);
      if (!tag.ok) {
        throw new ToolInputProblem(
          vscode.l10n.t('The tag must be one line of at most {0} characters.', MAX_TAG_LENGTH),
        );
      }
      const session = toolAccount(context.sessions, { ...input, service: 'sms' }, context.sharePersonalData());
      assertUsable(session);
      const status = await readTagStatus(session, tag.tag, signal);
      return deliveryStatusText(
        {
          title: accountTitle(session, context.sharePersonalData()),
          accountId: session.id,
          tag: tag.tag,
          status,
          sharePersonalData: context.sharePersonalData(),
          maxRows: input.maxRows ?? DEFAULT_MAX_ROWS,
        },
        vscode.l10n.t,
        vscode.env.language,
      );
    }
    const messageId = input.messageId ?? '';
    // The words of Show Message Status for a bad id; no request for it.
    const checked = checkMessageId(messageId);
    if (!checked.ok) {
      throw new ToolInputProblem(messageIdProblem(messageId) ?? checked.reason);
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
