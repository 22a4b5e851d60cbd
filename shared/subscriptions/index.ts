/** The public face of the subscription API: the app, its Node server, SES feedback and link helpers. */
export { createSubscriptionApp, SIGNUP_ACCEPTED_MESSAGE, type SubscriptionAppDeps, type AppLogger } from './app';
export { serveSubscriptionApp, type ServedApp } from './node-server';
export { handleSesFeedback, type SesFeedbackResult } from './ses-feedback';
export { buildSignupMail, type SignupMail, type Operator } from './confirmation-mail';
export { buildEventIcs } from './event-ics';
export { geocodeZip, type ZipPlace } from './geocode';
export { createSendThrottle, DEFAULT_SEND_LIMITS, type SendThrottle, type SendLimits } from './send-throttle';
export { createLinkBuilder, type LinkBuilder } from './links';
export { signToken, verifyToken, InvalidTokenError, type TokenKeys, type SigningKey, type TokenPurpose } from './tokens';
