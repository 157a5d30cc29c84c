/** Kept in step with package.json by a test. */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'rampart';
export const INFORMATION_URI = 'https://github.com/rampart-dev/rampart';
