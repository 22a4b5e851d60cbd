/** The public face of the subscription API: the app, its Node server, SES feedback and link helpers. */
export { createSubscriptionApp, SIGNUP_ACCEPTED_MESSAGE, type SubscriptionAppDeps, type AppLogger } from './app';
export { serveSubscriptionApp, type ServedApp } from './node-server';
export { handleSesFeedback, type SesFeedbackResult } from './ses-feedback';
export { buildSignupMail, type SignupMail, type Operator } from './confirmation-mail';
export { buildEventIcs } from './event-ics';
export { geocodeZip, type ZipPlace } from './geocode';
export { DEFAULT_SIGNUP_LIMITS, SignupLimitsSchema, UNLIMITED, inboxKey, type SignupLimiter, type SignupLimits } from './signup-limits';
export { createDeferredWork, type DeferredWork } from './deferred-work';
export { createClientIpResolver, TrustedProxiesSchema, type ClientIpOptions } from './client-ip';
export { createLinkBuilder, type LinkBuilder } from './links';
export { signToken, verifyToken, readToken, InvalidTokenError, type TokenKeys, type SigningKey, type RetiredKey, type TokenPurpose, type TokenClaims } from './tokens';
