import type { SmsSendRequest } from './types';

/** A schedule as both services' send pages take it: `scheduledDeliveryDate`, `time`, `minute`. */
export function scheduleFields(schedule: SmsSendRequest['schedule']): Record<string, unknown> {
  return schedule ? { scheduledDeliveryDate: schedule.date, time: schedule.hour, minute: schedule.minute } : {};
}
