import type { ActionHost } from '../accounts/actionPath';
import { errorText } from '../ui/errorText';
import { ToolInputProblem } from './toolAccount';

/**
 * How the account's action path shows itself for a chat tool: no modal (tools send in
 * sandbox only, so their actions never ask one), no notification (the chat shows the
 * tool's progress line), the chat's signal, and every outcome but done as an error the
 * registrar turns into text: busy and unknown in the action's words, a refusal as the error.
 */
export function toolHost(signal: AbortSignal): ActionHost {
  return {
    signal,
    confirm: () => Promise.reject(new Error('A tool action never asks for confirmation: tools send in sandbox only.')),
    progress: (_title, task) => task(),
    say: (outcome, text, error) => {
      if (outcome === 'busy' || outcome === 'unknown' || error === undefined) {
        throw new ToolInputProblem(text ?? '');
      }
      throw error;
    },
    reason: errorText,
  };
}
