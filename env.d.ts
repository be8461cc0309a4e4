/// <reference types="vite/client" />
/// <reference types="@slidev/types/client" />
/// <reference path="./node_modules/@slidev/client/shim.d.ts" />
/// <reference path="./node_modules/@slidev/client/shim-vue.d.ts" />

// The @slidev/client package ships TypeScript sources that `vue-tsc` checks along with ours. They use
// constants that Slidev's Vite config defines at build time; declare them for the type check.
declare const __DEV__: boolean, __SLIDEV_FEATURE_EDITOR__: boolean, __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
declare const __SLIDEV_HAS_SERVER__: boolean, __SLIDEV_HASH_ROUTE__: boolean

// An untyped transitive dependency of @slidev/client.
declare module 'file-saver'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'

  const component: DefineComponent<object, object, unknown>
  export default component
}
