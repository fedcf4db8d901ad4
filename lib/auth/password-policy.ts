/**
 * Server-side password rules beyond length: refuse passwords from the
 * ~50 000 most common ones (zxcvbn-ts's list, shipped in the package; nothing
 * is fetched at run time). Compared case-insensitively, so "Password123"
 * counts as "password123".
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MIN_LENGTH } from "./credentials";

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  // Only entries a password could equal (shorter ones are refused by length anyway).
  common ??= new Set(dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()));
  return common;
}

export const COMMON_PASSWORD_MESSAGE = "This password is one of the most common passwords. Choose another one.";

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
