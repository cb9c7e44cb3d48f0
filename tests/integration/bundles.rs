//! Signed pack bundles and the operator's trust policy, end to end through the real CLI
//! (`pack keygen`, `sign`, `verify`, `import`) and server (`/api/packs/import`, the
//! operator's `pack_trust`, untrusted packs stopping and coming back when signed).

use std::path::Path;

use serde_json::{Value, json};

use super::server::{Server, assert_error, key};
use super::{sentra, stderr, stdout, write, write_each};

const PACK: &str = "pack_id: team-rules
name: Team rules
version: 1.2.0
license: MIT
rules:
  - id: TR-TODO
    name: TODO left in code
    type: regex
    pattern: 'TODO'
    file_glob: '**/*.py'
    severity: medium
    standard: Internal
    clause: '1'
";

/// `sentra pack keygen PREFIX` in `dir`: the public key's text.
fn keygen(dir: &Path, prefix: &str) -> String {
    let out = sentra(&["pack", "keygen", prefix], dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read_to_string(dir.join(format!("{prefix}.pub"))).unwrap().trim().to_string()
}

fn sign(dir: &Path, pack: &str, key: &str, out: &str) {
    let o = sentra(&["pack", "sign", pack, "--key", key, "--author", "Team security", "--output", out], dir, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn upload_bundle(s: &Server, key: &str, query: &str, bytes: Vec<u8>) -> (u16, Value) {
    s.import(key, query, "application/vnd.sentra.pack-bundle+json", bytes)
}

#[test]
fn keys_sign_and_verify_bundles_and_tampering_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pack.yaml", PACK);
    let public = keygen(d, "author");
    assert!(public.starts_with("ed25519:"), "{public}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(d.join("author.key")).unwrap().permissions().mode() & 0o777, 0o600, "the secret key is the owner's only");
    let again = sentra(&["pack", "keygen", "author"], d, &[]);
    assert_eq!(again.status.code(), Some(2), "an existing key is not overwritten");

    let out = sentra(&["pack", "sign", "pack.yaml", "--key", "author.key", "--author", "Team security"], d, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("team-rules-1.2.0.sentrapack").is_file(), "{}", stdout(&out));
    let out = sentra(&["pack", "verify", "team-rules-1.2.0.sentrapack", "--key", "author.pub", "--format", "json"], d, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["verified"].as_bool(), v["manifest"]["id"].as_str(), v["manifest"]["author"].as_str()),
        (Some(true), Some("team-rules"), Some("Team security"))
    );
    assert_eq!(
        (v["manifest"]["version"].as_str(), v["manifest"]["kind"].as_str(), v["signer"]["key"].as_str()),
        (Some("1.2.0"), Some("yaml"), Some(public.as_str()))
    );

    // Another key, an unsigned bundle, and a changed payload all fail verification.
    let other = keygen(d, "other");
    let out = sentra(&["pack", "verify", "team-rules-1.2.0.sentrapack", "--key", &other], d, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not one of the keys given"), "{}", stderr(&out));
    let out = sentra(&["pack", "sign", "pack.yaml", "--unsigned", "-o", "unsigned.sentrapack"], d, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sentra(&["pack", "verify", "unsigned.sentrapack"], d, &[]).status.code(), Some(1), "a bundle must be signed");
    assert_eq!(sentra(&["pack", "verify", "unsigned.sentrapack", "--allow-unsigned"], d, &[]).status.code(), Some(0), "unsigned but intact");
    assert_eq!(sentra(&["pack", "verify", "unsigned.sentrapack", "--key", "author.pub"], d, &[]).status.code(), Some(1));
    let tampered = tamper(&std::fs::read(d.join("team-rules-1.2.0.sentrapack")).unwrap());
    std::fs::write(d.join("tampered.sentrapack"), tampered).unwrap();
    let out = sentra(&["pack", "verify", "tampered.sentrapack"], d, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("changed after it was made"), "{}", stderr(&out));

    // A bundle runs as a pack file too (its claims verified).
    write(d, "repo/app.py", "# TODO: tidy\n");
    let out = sentra(&["scan", "repo", "--pack-file", "team-rules-1.2.0.sentrapack", "--format", "json"], d, &[]);
    assert!(stdout(&out).contains("TR-TODO"), "{}{}", stdout(&out), stderr(&out));
    let out = sentra(&["scan", "repo", "--pack-file", "tampered.sentrapack"], d, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("tampered.sentrapack") && stderr(&out).contains("changed after"), "{}", stderr(&out));
}

/// The bundle with its payload replaced (manifest and signature untouched).
fn tamper(bundle: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let mut v: Value = serde_json::from_slice(bundle).unwrap();
    let evil = PACK.replace("TODO", "XXXX");
    v["payload"] = base64::engine::general_purpose::STANDARD.encode(evil).into();
    serde_json::to_vec(&v).unwrap()
}

fn packs(s: &Server, k: &str) -> Value {
    let (status, _, v) = s.call("GET", "/api/packs", Some(k), None);
    assert_eq!(status, 200, "{v}");
    v["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == "team-rules").cloned().unwrap_or(Value::Null)
}

fn todo_findings(s: &Server, k: &str) -> usize {
    let (status, _, v) = s.call("POST", "/scan", Some(k), Some(r#"{"repo_path": "repo"}"#));
    assert_eq!(status, 200, "{v}");
    v["findings"].as_array().unwrap().iter().filter(|f| f["rule_id"] == "TR-TODO").count()
}

/// A tenant's plain pack stops running when the operator requires signatures (listed as
/// untrusted, audited), plain and tampered imports are refused, and the signed bundle
/// brings it back with its signer shown. Another tenant allows built-in packs only.
#[test]
fn a_signing_policy_stops_unsigned_packs_until_they_come_back_signed() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    write_each(r, &["acme", "globex"], "repo/app.py", "# TODO: tidy\n");
    write(r, "work/pack.yaml", PACK);
    write(r, ".sentra/config.yaml", "tenants:\n  globex:\n    pack_trust: {policy: builtin_only}\n");
    let public = keygen(&r.join("work"), "author");
    keygen(&r.join("work"), "stranger");
    sign(&r.join("work"), "pack.yaml", "author.key", "signed.sentrapack");
    sign(&r.join("work"), "pack.yaml", "stranger.key", "stranger.sentrapack");
    let signed = std::fs::read(r.join("work/signed.sentrapack")).unwrap();
    let state = r.join(".sentra");
    let (a, g, operator) = (key(&state, "admin", "acme", "a"), key(&state, "admin", "globex", "g"), key(&state, "operator", "default", "op"));
    let tenants = r.join("tenants");
    let s = Server::start_with(r, &["--host", "127.0.0.1", "--tenants-root", tenants.to_str().unwrap()], &[], 0);

    // No policy for acme yet: the plain document is imported and runs (named, too).
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&a), Some(&json!({"pack_yaml": PACK}).to_string()));
    assert_eq!(status, 201, "{v}");
    assert_eq!(s.call("POST", "/api/config", Some(&a), Some(r#"{"updates": {"standards_packs": ["secrets", "team-rules"]}}"#)).0, 200);
    assert_eq!(todo_findings(&s, &a), 1);
    assert!(packs(&s, &a)["signer"].is_null());

    // The operator requires signatures by the author's key.
    let policy = json!({"pack_trust": {"policy": "signed", "keys": [{"name": "team author", "key": public}]}});
    let (status, _, v) = s.call("POST", "/api/operator/config", Some(&operator), Some(&json!({"updates": policy}).to_string()));
    assert_eq!(status, 200, "{v}");
    let entry = packs(&s, &a);
    assert_eq!((entry["status"].as_str(), entry["state"].as_str(), entry["enabled"].as_bool()), (Some("untrusted"), Some("untrusted"), Some(false)), "{entry}");
    assert!(entry["error"].as_str().unwrap().contains("not signed"), "{entry}");
    // Named in standards_packs, it fails the scan closed, saying why.
    let (status, _, v) = s.call("POST", "/scan", Some(&a), Some(r#"{"repo_path": "repo"}"#));
    assert_error(status, &v, 409, "untrusted_pack");
    assert!(v["detail"].as_str().unwrap().contains("team-rules"), "{v}");
    // Merely turned on, it is left out.
    assert_eq!(s.call("POST", "/api/config", Some(&a), Some(r#"{"updates": {"standards_packs": ["secrets"]}}"#)).0, 200);
    assert_eq!(todo_findings(&s, &a), 0, "an untrusted pack does not run");
    let (_, _, audit) = s.call("GET", "/api/audit?action=operator.config.update", Some(&a), None);
    let untrusted = &audit["entries"][0]["details"]["untrusted_packs"];
    assert!(untrusted[0].as_str().is_some_and(|u| u.starts_with("team-rules: ")), "{audit}");

    // Plain, tampered and stranger-signed imports are refused; nothing changes.
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&a), Some(&json!({"pack_yaml": PACK, "overwrite": true}).to_string()));
    assert_error(status, &v, 403, "untrusted_pack");
    let (status, v) = upload_bundle(&s, &a, "", tamper(&signed));
    assert_error(status, &v, 400, "invalid_bundle");
    let (status, v) = upload_bundle(&s, &a, "", std::fs::read(r.join("work/stranger.sentrapack")).unwrap());
    assert_error(status, &v, 403, "untrusted_pack");
    assert!(v["detail"].as_str().unwrap().contains("does not list"), "{v}");
    assert_eq!(packs(&s, &a)["status"], "untrusted");

    // The signed bundle replaces it: trusted, signer shown, running again, audited.
    let (status, v) = upload_bundle(&s, &a, "?overwrite=true", signed.clone());
    assert_eq!(status, 201, "{v}");
    let entry = packs(&s, &a);
    assert_eq!((entry["status"].as_str(), entry["state"].as_str(), entry["author"].as_str()), (Some("ok"), Some("enabled"), Some("Team security")), "{entry}");
    assert_eq!((entry["signer"]["key"].as_str(), entry["signer"]["name"].as_str()), (Some(public.as_str()), Some("team author")), "{entry}");
    assert_eq!(entry["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(todo_findings(&s, &a), 1);
    let (_, _, audit) = s.call("GET", "/api/audit?action=pack.import", Some(&a), None);
    assert!(audit["entries"][0]["details"]["signer"].as_str().is_some_and(|id| id.len() == 16), "{audit}");

    // globex allows built-in packs only: even the signed bundle is refused.
    let (status, v) = upload_bundle(&s, &g, "", signed);
    assert_error(status, &v, 403, "untrusted_pack");
    assert!(v["detail"].as_str().unwrap().contains("only built-in"), "{v}");
}

/// The CLI import judges a bundle by the config's `pack_trust` and refuses a tampered one
/// before it creates any state.
#[test]
fn the_cli_import_verifies_bundles_and_follows_the_configs_policy() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pack.yaml", PACK);
    let public = keygen(d, "author");
    sign(d, "pack.yaml", "author.key", "signed.sentrapack");
    std::fs::write(d.join("tampered.sentrapack"), tamper(&std::fs::read(d.join("signed.sentrapack")).unwrap())).unwrap();
    let state = d.join("state");
    let st = state.to_str().unwrap();
    let out = sentra(&["--state-dir", st, "pack", "import", "tampered.sentrapack"], d, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the bundle is refused") && !state.exists(), "{}", stderr(&out));
    write(d, ".sentra/config.yaml", &format!("pack_trust:\n  policy: signed\n  keys: [{{name: author, key: '{public}'}}]\n"));
    let out = sentra(&["--state-dir", st, "pack", "import", "pack.yaml"], d, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not signed"), "{}", stderr(&out));
    let out = sentra(&["--state-dir", st, "pack", "import", "signed.sentrapack"], d, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("signed by key"), "{}", stdout(&out));
    let out = sentra(&["--state-dir", st, "pack", "list", "--format", "json"], d, &[]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = v["packs"].as_array().unwrap().iter().find(|p| p["pack_id"] == "team-rules").unwrap();
    assert_eq!((row["author"].as_str(), row["signer"].as_str().map(str::len)), (Some("Team security"), Some(16)), "{row}");
}

/// A trust policy the operator turns on by editing the config file (`--reload`) stops the
/// packs it does not admit and says so in the tenant's audit chain.
#[test]
fn a_policy_from_a_reloaded_config_file_is_audited_with_the_packs_it_stops() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    write(r, "repo/app.py", "# TODO: tidy\n");
    write(r, ".sentra/config.yaml", "gate_fail_on: [critical]\n");
    let public = keygen(r, "author");
    let admin = key(&r.join(".sentra"), "admin", "default", "a");
    let s = Server::start_with(r, &["--host", "127.0.0.1", "--reload"], &[], 0);
    let (status, _, v) = s.call("POST", "/api/packs/import", Some(&admin), Some(&json!({"pack_yaml": PACK}).to_string()));
    assert_eq!(status, 201, "{v}");
    assert_eq!(packs(&s, &admin)["status"], "ok");
    write(r, ".sentra/config.yaml", &format!("gate_fail_on: [critical]\npack_trust:\n  policy: signed\n  keys: [{{name: author, key: '{public}'}}]\n"));
    let entry = packs(&s, &admin);
    assert_eq!((entry["status"].as_str(), entry["state"].as_str()), (Some("untrusted"), Some("untrusted")), "{entry}");
    let (_, _, audit) = s.call("GET", "/api/audit?action=operator.pack_trust.reload", Some(&admin), None);
    let details = &audit["entries"][0]["details"];
    assert_eq!(details["policy"], "signed", "{audit}");
    assert!(details["untrusted_packs"][0].as_str().is_some_and(|u| u.starts_with("team-rules: ")), "{audit}");
}
