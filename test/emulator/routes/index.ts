import type { FeatureRoute } from './featureRoute';
import { messageRoutes } from './messages';
import { sendRoute } from './send';
import { statisticsRoute } from './statistics';
import { stopRoute } from './stop';
import { subaccountAdminRoute } from './subaccountAdmin';

/** Every feature's endpoints, asked in order (one line per feature module). */
export const featureRoutes: readonly FeatureRoute[] = [
  sendRoute,
  subaccountAdminRoute,
  statisticsRoute,
  messageRoutes,
  stopRoute,
];
