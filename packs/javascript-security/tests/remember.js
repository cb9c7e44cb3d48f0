// A value from Math.random that reaches a cookie through a variable.
function remember(res, user) {
  // ruleid: JS-RANDOM-IN-SECURITY-CODE
  const n = Math.random();
  const rememberMe = String(n).slice(2) + user.id;
  // ok: JS-RANDOM-IN-SECURITY-CODE
  const safe = crypto.randomUUID();
  // ok: JS-RANDOM-IN-SECURITY-CODE
  const doc = "Math.random() is predictable";
  // ok: JS-RANDOM-IN-SECURITY-CODE
  const pick = arr.random();
  res.cookie("rememberMe", rememberMe + safe + doc + pick, { secure: true, httpOnly: true });
}
