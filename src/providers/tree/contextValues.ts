/**
 * Every `contextValue` the tree uses; `package.json` menus match these. An account's
 * (`service.*`) carries its service as a suffix: `service.ready.sms`, `service.noKey.mail`.
 */
export const ContextValue = {
  serviceGroup: 'serviceGroup',
  serviceReady: 'service.ready',
  serviceLoading: 'service.loading',
  serviceError: 'service.error',
  serviceNoKey: 'service.noKey',
  credit: 'credit',
  subaccounts: 'subaccounts',
  subaccount: 'subaccount',
  stopList: 'stopList',
  stopEntry: 'stopEntry',
  placeholderSignIn: 'placeholder.signIn',
  placeholderLoading: 'placeholder.loading',
  placeholderEmpty: 'placeholder.empty',
  placeholderError: 'placeholder.error',
  placeholderLoadMore: 'placeholder.loadMore',
} as const;

export type ContextValue = (typeof ContextValue)[keyof typeof ContextValue];
