import type { FeatureRoute } from './featureRoute';

/** Every feature's endpoints, asked in order (one line per feature module). */
export const featureRoutes: readonly FeatureRoute[] = [];
