// Account-security policy, in one place.
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;
/** Absolute lifetime of a session cookie, whatever the activity. */
export const SESSION_MAX_HOURS = 12;
/** Don't write lastSeenAt on every request; once a minute is precise enough. */
export const TOUCH_INTERVAL_SECONDS = 60;
