export { magicLinkEmail } from './templates/decisions';
