//! What a token pattern cannot tell apart: documentation and placeholder values
//! (`AKIAIOSFODNN7EXAMPLE`, `ghp_` and a run of `x`, `<your-key-here>`), and a private-key
//! header that no key follows (code that checks for PEM, a docs example). Findings there
//! are what makes teams stop trusting the gate, so they are dropped before reporting.

/// Words of documentation and template values, compared case-insensitively.
const PLACEHOLDER_WORDS: [&str; 13] =
    ["example", "placeholder", "changeme", "change_me", "dummy", "your", "sample", "redacted", "fake", "insert", "replace", "xxxx", "****"];

/// Whether `value` (a whole matched token, or a config value) is a placeholder rather than
/// a credential: a documentation word, a template marker, a long run of one character, or
/// a counting sequence.
pub fn is_placeholder(value: &[u8]) -> bool {
    let lower = value.to_ascii_lowercase();
    let contains = |w: &[u8]| lower.windows(w.len()).any(|win| win == w);
    if PLACEHOLDER_WORDS.iter().any(|w| contains(w.as_bytes())) || contains(b"0123456789") || contains(b"123456789") || contains(b"abcdefghij") {
        return true;
    }
    if value.iter().any(|b| b"<>".contains(b)) || contains(b"...") {
        return true;
    }
    longest_run(value) >= 8 || few_distinct(value)
}

/// The longest run of one repeated byte.
fn longest_run(value: &[u8]) -> usize {
    let (mut best, mut run) = (0, 0);
    for (i, b) in value.iter().enumerate() {
        run = if i > 0 && value[i - 1] == *b { run + 1 } else { 1 };
        best = best.max(run);
    }
    best
}

/// A value of 12 or more characters drawn from at most three distinct ones
/// (`ghp_aaaabbbbaaaa...`): no generator makes those.
fn few_distinct(value: &[u8]) -> bool {
    // Past the provider prefix (`ghp_`, `sk-live-`), which repeats letters by design.
    let body = match value.iter().rposition(|b| *b == b'_' || *b == b'-' || *b == b'.') {
        Some(i) if value.len() - i > 12 => &value[i + 1..],
        _ => value,
    };
    if body.len() < 12 {
        return false;
    }
    let mut seen = [false; 256];
    body.iter().for_each(|b| seen[*b as usize] = true);
    seen.iter().filter(|s| **s).count() <= 3
}

/// Whether a key body follows a private-key header that ends at byte `end`: skipping
/// quotes, string concatenation, `\n` escapes and PEM/PGP armour headers
/// (`Proc-Type:`, `DEK-Info:`, `Version:`, `Comment:`), at least 40 base64 characters.
pub fn private_key_has_body(contents: &[u8], end: usize) -> bool {
    let rest = &contents[end.min(contents.len())..];
    let rest = &rest[..rest.len().min(2048)];
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b'+' | b',' => i += 1,
            b'\\' if rest.get(i + 1).is_some_and(|c| *c == b'n' || *c == b'r') => i += 2,
            _ if armour_header(&rest[i..]) => {
                i += rest[i..].iter().position(|b| *b == b'\n').unwrap_or(rest.len() - i);
            }
            _ => break,
        }
    }
    rest[i..].iter().take_while(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b)).count() >= 40
}

fn armour_header(line: &[u8]) -> bool {
    [&b"Proc-Type:"[..], b"DEK-Info:", b"Version:", b"Comment:"].iter().any(|h| line.starts_with(h))
}

/// The value of a `key = value` / `key: value` line a config-file rule matched: what
/// follows the first `=` or `:`, trimmed.
pub fn assigned_value(matched: &[u8]) -> &[u8] {
    let at = matched.iter().position(|b| *b == b'=' || *b == b':').map_or(0, |i| i + 1);
    matched[at..].trim_ascii()
}

/// Whether a value assigned to a credential-named variable is a stand-in rather than a
/// credential: it names itself (`"password"`, `"mypassword"`, `"oldsecret"`: documentation
/// and test values), or it is a password hash (`pbkdf2_sha256$...`, `$2b$...`), which is
/// what a fixture or a user table stores instead of the password.
pub fn is_stand_in(value: &[u8]) -> bool {
    let quote = |b: &u8| *b == b'"' || *b == b'\'';
    let value = value.trim_ascii();
    let start = value.iter().position(|b| !quote(b)).unwrap_or(value.len());
    let end = value.iter().rposition(|b| !quote(b)).map_or(start, |i| i + 1);
    let lower = value[start..end.max(start)].to_ascii_lowercase();
    let contains = |w: &[u8]| lower.windows(w.len()).any(|win| win == w);
    const HASH_PREFIXES: [&[u8]; 7] = [b"pbkdf2_", b"argon2", b"bcrypt", b"sha1$", b"md5$", b"scrypt$", b"$"];
    ["password", "passwd", "secret"].iter().any(|w| contains(w.as_bytes())) || HASH_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Config values that are not credentials however the key is named.
const NOT_SECRETS: [&str; 12] = ["none", "null", "nil", "false", "true", "empty", "unset", "required", "optional", "disabled", "changeit", "secret"];

/// Whether a config value is a reference or a non-value (`${DB_PASSWORD}`, `ENC(...)`,
/// a path, `none`) rather than a literal credential.
pub fn is_reference(value: &[u8]) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.starts_with(b"enc(")
        || lower.starts_with(b"/")
        || lower.starts_with(b"./")
        || lower.starts_with(b"~/")
        || lower.windows(2).any(|w| w == b"${" || w == b"%(" || w == b"{{")
        || NOT_SECRETS.iter().any(|w| lower == w.as_bytes())
        || lower.starts_with(b"password")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_told_from_tokens() {
        for p in [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "<your-key-here>",
            "sk_live_0000000000000000000000",
            "ghp_abababababababababababababababababab",
            "sk-...",
            "dapi123456789abcdef",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        // Split so that scanning this file finds no token.
        for t in [
            concat!("AKIA", "UJZDE8GXD6NCF10E"),
            concat!("ghp", "_XGjtEkDnNfribxUdl7dXTPyLsxPFkThf4Vuc"),
            concat!("hf", "_NKuiSGNPRVdDXRZJzzzzgEOzdmenCkhvMd"),
            "RgpMPgxAFQ0FJZ",
        ] {
            assert!(!is_placeholder(t.as_bytes()), "{t}");
        }
    }

    #[test]
    fn a_key_header_needs_a_body() {
        let body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
        let h = "-----BEGIN PRIVATE KEY-----";
        let with = |rest: &str| format!("{h}{rest}");
        assert!(private_key_has_body(with(&format!("\n{body}\n")).as_bytes(), h.len()));
        assert!(private_key_has_body(with(&format!("\\n{body}")).as_bytes(), h.len()));
        assert!(private_key_has_body(with(&format!("\"\n    \"{body}")).as_bytes(), h.len()));
        assert!(private_key_has_body(with(&format!("\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n{body}")).as_bytes(), h.len()));
        assert!(!private_key_has_body(with("\")\n    return True\n").as_bytes(), h.len()));
        assert!(!private_key_has_body(with("\\n...\\n-----END PRIVATE KEY-----").as_bytes(), h.len()));
        assert!(!private_key_has_body(h.as_bytes(), h.len()));
    }

    #[test]
    fn stand_ins_name_themselves_or_are_hashes() {
        for v in ["\"password\"", "\"mypassword\"", "'oldsecret'", "\"pbkdf2_sha256$10000$LUyh$f6Zb=\"", "$2b$12$abcdefghijklmnopqrstuv"] {
            assert!(is_stand_in(v.as_bytes()), "{v}");
        }
        assert!(!is_stand_in(b"\"RgpMPgxAFQ0FJZ\""));
    }

    #[test]
    fn config_values_and_references() {
        assert_eq!(assigned_value(b"DB_PASSWORD = hunter2hunter"), b"hunter2hunter");
        assert!(is_reference(b"${DB_PASSWORD}") && is_reference(b"ENC(abcdef)") && is_reference(b"none") && is_reference(b"/run/secrets/db"));
        assert!(!is_reference(b"Tr0ub4dor&3"));
    }
}
