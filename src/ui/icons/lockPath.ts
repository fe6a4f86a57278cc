// The protected tag's lock: drawn by the panel (rules/ProtectedLock.tsx) and by the entry's
// first paint (firstTags.ts), which loads no React.
export const LOCK_PATH = 'M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5Z';
