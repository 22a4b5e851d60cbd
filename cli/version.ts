export { NETMIX_VERSION } from '../shared/version';

/** Contact URL in the local runner's User-Agent; a deployment uses its own site origin. */
export const CONTACT_URL = 'https://github.com/netmix/netmix#contact';
