/**
 * The extension point for endpoints beyond credits, sub-accounts, transfers and statuses:
 * each feature serves its endpoints from a module of its own in this folder and is listed
 * in `featureRoutes` (routes/index.ts). The emulator asks them in order, after the key check,
 * before answering 404.
 */
import type { EmulatedService, ServiceData, SubaccountRecord } from '../emulatorData';

export interface RouteAnswer {
  status?: number;
  body: Record<string, unknown>;
}

export interface RouteContext {
  method: string;
  service: EmulatedService;
  /** Path after `/v1`, e.g. `/send`. */
  endpoint: string;
  /** A parameter from the query string or the JSON body. */
  param: (name: string) => string | undefined;
  /** The JSON body, when the request had one (arrays and objects included). */
  json: Record<string, unknown>;
  /** The account the key opens: the main account's data... */
  data: ServiceData;
  /** ...or the sub-account whose own key was used. */
  subaccount?: SubaccountRecord;
  ok: { success: true; code: 200 };
  error: (code: number, message: string, status?: number) => RouteAnswer;
}

/** Answers the request, or `undefined` when the endpoint is not this feature's. */
export type FeatureRoute = (ctx: RouteContext) => RouteAnswer | undefined;
