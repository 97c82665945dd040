// The package's ESM build (its "main") does not load in Node 20; its UMD bundle does and has the
// same API. Tests require the bundle by path and borrow the package's types for it.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
