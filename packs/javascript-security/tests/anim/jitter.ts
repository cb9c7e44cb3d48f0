// Animation jitter: Math.random is the right tool here.
export function jitter(ms: number): number {
  // ok: JS-RANDOM-IN-SECURITY-CODE
  return ms + Math.random() * 50;
}
