/**
 * Length limits shared by the sign-in/sign-up forms (client) and the server.
 * Kept free of zod so the forms' bundle does not ship it (zod probes
 * `new Function` on first use, which the CSP reports as a violation).
 */
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export { NAME_MAX_LENGTH } from "./display-name";
