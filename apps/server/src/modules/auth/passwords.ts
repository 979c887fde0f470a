import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum for interactive logins (19 MiB, 2 passes, 1 lane).
const argon2Options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// Verified against for unknown usernames, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('binhdang-dummy-password');
  await verifyPassword(await dummyHash, password);
}
