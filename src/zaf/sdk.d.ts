// The SDK ships as CommonJS without types. Its surface is typed once, in ./client.ts;
// this declaration only lets TypeScript import it.
declare module 'zendesk_app_framework_sdk' {
  const ZAFClient: {
    init(callback?: (context: unknown) => void): unknown;
  };
  export default ZAFClient;
}
