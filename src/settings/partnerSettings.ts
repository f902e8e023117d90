import * as vscode from 'vscode';
import { SERVICES, type ResponseFormat, type ServiceId } from '../api';
import { checkApiUrl, type ApiUrlCheck } from './apiUrlPolicy';
import { boundedNumber, NUMBER_SETTINGS, type NumberBounds, type NumberSettingKey } from './numberSettings';

export const SECTION = 'partnerExplorer';

export interface PartnerSettings {
  readonly apiUrl: Readonly<Record<ServiceId, ApiUrlCheck>>;
  readonly format: ResponseFormat;
  readonly timeoutMs: number;
  readonly statusBarEnabled: boolean;
  /** Minutes: 0 = manual only, else a whole number of at least 1. */
  readonly refreshIntervalMin: number;
  readonly lowCreditThreshold: Readonly<Record<ServiceId, number>>;
  /** Message-status panels refresh themselves while recipients are waiting. */
  readonly liveTracking: boolean;
  /** Where `Open in Dashboard` goes. */
  readonly dashboardUrl: Readonly<Record<ServiceId, string>>;
  /** Message ids in editors and terminals become links to their delivery status. */
  readonly messageLinks: {
    readonly enabled: boolean;
    /** The setting's raw list: `compilePatterns` validates it (and reports refused ones once). */
    readonly patterns: unknown;
    readonly maxFileBytes: number;
  };
  /** Values that were invalid and fell back to their defaults, in words. */
  readonly warnings: readonly string[];
}

function numberSetting(config: vscode.WorkspaceConfiguration, key: NumberSettingKey, warnings: string[]): number {
  const bounds: NumberBounds = NUMBER_SETTINGS[key];
  const { value, valid } = boundedNumber(config.get<unknown>(key), bounds);
  if (!valid) {
    const name = `${SECTION}.${key}`;
    warnings.push(
      bounds.off !== undefined
        ? vscode.l10n.t(
            '{0} must be {1} (off) or a whole number from {2} to {3}; using {4}.',
            name,
            bounds.off,
            bounds.min,
            bounds.max,
            bounds.fallback,
          )
        : bounds.integer
          ? vscode.l10n.t(
              '{0} must be a whole number from {1} to {2}; using {3}.',
              name,
              bounds.min,
              bounds.max,
              bounds.fallback,
            )
          : vscode.l10n.t(
              '{0} must be a number from {1} to {2}; using {3}.',
              name,
              bounds.min,
              bounds.max,
              bounds.fallback,
            ),
    );
  }
  return value;
}

/** Reads and validates the settings; invalid values fall back to defaults with a warning. */
export function readSettings(): PartnerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const warnings: string[] = [];
  const format = config.get<unknown>('responseFormat', 'json');
  const validFormat: ResponseFormat = format === 'xml' ? 'xml' : 'json';
  if (format !== 'json' && format !== 'xml') {
    warnings.push(vscode.l10n.t('{0} must be "json" or "xml"; using "json".', `${SECTION}.responseFormat`));
  }
  const enabled = config.get<unknown>('statusBar.enabled', true);
  const url = (service: ServiceId): ApiUrlCheck => {
    const value = config.get<unknown>(`${service}.apiUrl`, SERVICES[service].defaultApiUrl);
    return checkApiUrl(typeof value === 'string' ? value : '');
  };
  return {
    apiUrl: { sms: url('sms'), mail: url('mail') },
    format: validFormat,
    timeoutMs: numberSetting(config, 'requestTimeout', warnings) * 1000,
    statusBarEnabled: enabled !== false,
    refreshIntervalMin: numberSetting(config, 'statusBar.refreshInterval', warnings),
    lowCreditThreshold: {
      sms: numberSetting(config, 'lowCreditThreshold.sms', warnings),
      mail: numberSetting(config, 'lowCreditThreshold.mail', warnings),
    },
    liveTracking: config.get<unknown>('messageStatus.liveTracking', true) !== false,
    dashboardUrl: { sms: dashboardUrl(config, 'sms', warnings), mail: dashboardUrl(config, 'mail', warnings) },
    messageLinks: {
      enabled: config.get<unknown>('messageLinks.enabled', true) !== false,
      patterns: config.get<unknown>('messageLinks.patterns', []),
      maxFileBytes: numberSetting(config, 'messageLinks.maxFileSize', warnings) * 1024,
    },
    warnings,
  };
}

function dashboardUrl(config: vscode.WorkspaceConfiguration, service: ServiceId, warnings: string[]): string {
  const fallback = SERVICES[service].dashboardUrl;
  const value = config.get<unknown>(`${service}.dashboardUrl`, fallback);
  if (typeof value === 'string') {
    try {
      const url = new URL(value.trim());
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        return url.toString();
      }
    } catch {
      // reported below
    }
  }
  warnings.push(
    vscode.l10n.t('{0} must be an http(s) address; using {1}.', `${SECTION}.${service}.dashboardUrl`, fallback),
  );
  return new URL(fallback).toString();
}

/** Why an API URL setting was refused, in words. */
export function describeApiUrlProblem(service: ServiceId, check: Extract<ApiUrlCheck, { ok: false }>): string {
  const setting = `${SECTION}.${service}.apiUrl`;
  switch (check.reason) {
    case 'notUrl':
      return vscode.l10n.t('The setting {0} is not a valid URL.', setting);
    case 'scheme':
      return vscode.l10n.t('The setting {0} must start with https://.', setting);
    case 'insecure':
      return vscode.l10n.t(
        'The setting {0} uses http:// to another machine: your API key would travel unencrypted. Use https://.',
        setting,
      );
    case 'credentials':
      return vscode.l10n.t('The setting {0} must not contain a user name or password.', setting);
  }
}
