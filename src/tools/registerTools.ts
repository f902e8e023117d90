import * as vscode from 'vscode';
import { isPartnerError } from '../api';
import { errorText } from '../ui/errorText';
import { checkNumberTool } from './checkNumberTool';
import { creditsTool } from './creditsTool';
import { deliveryStatusTool } from './deliveryStatusTool';
import { findSubaccountTool } from './findSubaccountTool';
import type { AnyPartnerTool, PartnerTool, ToolContext } from './partnerTool';
import { sendTestTool } from './sendTestTool';
import { smsLengthTool } from './smsLengthTool';
import { checkInput } from '../actions/inputCheck';
import { ToolInputProblem } from './toolAccount';
import { signalOf } from './toolSignal';

/** Every tool, in the order of `contributes.languageModelTools`. */
export const PARTNER_TOOLS: readonly AnyPartnerTool[] = [
  creditsTool,
  deliveryStatusTool,
  findSubaccountTool,
  smsLengthTool,
  sendTestTool,
  checkNumberTool,
];

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/**
 * One tool as VS Code calls it: the input is checked against the tool's schema
 * before anything else (a refused input makes no request and says why), the
 * CancellationToken becomes the AbortSignal of the requests, and a failure comes
 * back as a result carrying the text the UI shows for it. Every result goes
 * through the log's scrubber: no key the extension knows can leave in it.
 */
function implementation<I>(tool: PartnerTool<I>, context: ToolContext): vscode.LanguageModelTool<unknown> {
  const clean = (text: string) => textResult(context.log.clean(text));
  return {
    prepareInvocation(options) {
      const checked = checkInput<I>(tool.inputSchema, options.input, vscode.l10n.t);
      const confirmation = checked.ok ? tool.confirmation?.(checked.value) : undefined;
      return {
        invocationMessage: checked.ok ? tool.progressMessage(checked.value) : vscode.l10n.t('Checking the tool input…'),
        ...(confirmation ? { confirmationMessages: confirmation } : {}),
      };
    },
    async invoke(options, token) {
      const checked = checkInput<I>(tool.inputSchema, options.input, vscode.l10n.t);
      if (!checked.ok) {
        return clean(checked.problem);
      }
      const cancellation = signalOf(token);
      try {
        const text = await tool.run(checked.value, context, cancellation.signal);
        if (token.isCancellationRequested) {
          throw new vscode.CancellationError();
        }
        return clean(text);
      } catch (error) {
        if (token.isCancellationRequested || error instanceof vscode.CancellationError) {
          throw new vscode.CancellationError();
        }
        if (!(error instanceof ToolInputProblem)) {
          context.log.warn(`tool ${tool.name} failed: ${isPartnerError(error) ? error.message : String(error)}`);
        }
        return clean(errorText(error));
      } finally {
        cancellation.dispose();
      }
    },
  };
}

/** Every Partner tool by name, as VS Code calls them (registered at startup, see lazyWorkbench.ts). */
export function toolImplementations(context: ToolContext): ReadonlyMap<string, vscode.LanguageModelTool<unknown>> {
  return new Map(PARTNER_TOOLS.map((tool) => [tool.name, implementation(tool as PartnerTool<unknown>, context)]));
}
