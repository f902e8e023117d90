import type { ServiceId } from './types';

export interface ServiceInfo {
  readonly id: ServiceId;
  /** Product name; the same in English and French. */
  readonly label: string;
  readonly defaultApiUrl: string;
  readonly dashboardUrl: string;
  /** The environment variable whose key shows as an account "from environment". */
  readonly keyEnvVar: string;
}

export const SERVICES: Readonly<Record<ServiceId, ServiceInfo>> = {
  sms: {
    id: 'sms',
    label: 'SMS Partner',
    defaultApiUrl: 'https://api.smspartner.fr/v1',
    dashboardUrl: 'https://my.smspartner.fr',
    keyEnvVar: 'SMSPARTNER_API_KEY',
  },
  mail: {
    id: 'mail',
    label: 'Mail Partner',
    defaultApiUrl: 'https://api.mailpartner.fr/v1',
    dashboardUrl: 'https://my.mailpartner.fr',
    keyEnvVar: 'MAILPARTNER_API_KEY',
  },
};
