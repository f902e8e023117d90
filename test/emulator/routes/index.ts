import type { FeatureRoute } from './featureRoute';
import { messageRoutes } from './messages';

/** Every feature's endpoints, asked in order (one line per feature module). */
export const featureRoutes: readonly FeatureRoute[] = [messageRoutes];
