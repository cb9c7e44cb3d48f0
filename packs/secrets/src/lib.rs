//! The `secrets` pack: hard-coded credentials (CWE-798) in source, config and key files.
//!
//! Most rules are provider token formats matched natively by the host; each declares the
//! literal its tokens start with so the host can skip files that cannot contain one. The
//! generic rules (password assignments, high-entropy strings, `.env` files) are where
//! false positives live, so they skip obvious placeholders and environment lookups; every
//! token match passes [`precision`]'s placeholder check before it is reported.

use sentra_sdk::{File, Findings, Pack, PackMeta, RegexMatch, Rule, Severity};

mod precision;

struct Secrets;

const STD: &str = "CWE";
const CRED_REMEDIATION: &str = "Remove the credential from the code, rotate it (assume it is compromised once committed), and load it at run time from a secret manager or the environment.";

fn cred(id: &str, name: &str, pattern: &str) -> Rule {
    Rule::regex(id, name, pattern)
        .severity(Severity::Critical)
        .standard(STD, "CWE-798")
        .cwe(["CWE-798"])
        .tags(["security", "secrets"])
        .remediation(CRED_REMEDIATION)
        .references([CWE_798, SECRETS_CHEAT_SHEET])
        .exclude(NOT_SOURCE)
}

/// Lock files, minified bundles and images: where token-like strings are hashes and data.
const NOT_SOURCE: [&str; 4] = ["**/*.lock", "**/package-lock.json", "**/*.min.js", "**/*.svg"];
/// [`NOT_SOURCE`], prose and test code: the generic rules (a credential-named variable, a
/// random-looking string) see examples and fixtures there, not secrets (a tutorial's
/// sample database password, the wrong password a login test submits). Provider tokens,
/// which have a format of their own, are still looked for everywhere.
const NOT_SOURCE_OR_PROSE: [&str; 19] = [
    "**/*.lock",
    "**/package-lock.json",
    "**/*.min.js",
    "**/*.svg",
    "**/*.md",
    "**/*.rst",
    "**/*.txt",
    "**/*.adoc",
    "**/docs/**",
    "**/tests/**",
    "**/test/**",
    "**/__tests__/**",
    "**/spec/**",
    "**/test_*.py",
    "**/*_test.py",
    "**/*_test.go",
    "**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs}",
    "**/*Test.{java,kt}",
    "**/*Tests.{java,kt,cs}",
];

const CWE_798: &str = "https://cwe.mitre.org/data/definitions/798.html";
const SECRETS_CHEAT_SHEET: &str = "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html";

impl Pack for Secrets {
    fn info() -> PackMeta {
        PackMeta::new("secrets", "Hard-coded secrets")
            .version(env!("CARGO_PKG_VERSION"))
            .description("Cloud provider keys, VCS and chat tokens, payment keys, private keys, JWTs, connection strings with passwords and generic credential assignments committed to the repository.")
            .license("Apache-2.0")
    }

    fn rules() -> Vec<Rule> {
        vec![
            cred("SEC-AWS-ACCESS-KEY-ID", "AWS access key id", r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b")
                .description("An AWS access key id is committed to the repository.")
                .literals(["AKIA", "ASIA", "ABIA", "ACCA"])
                .references(["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"]),
            cred(
                "SEC-AWS-SECRET-ACCESS-KEY",
                "AWS secret access key",
                r#"(?i)aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b"#,
            )
            .description("An AWS secret access key is assigned in code or configuration.")
            .literals(["secret"]),
            cred("SEC-GITHUB-TOKEN", "GitHub token", r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b")
                .description("A GitHub personal access, OAuth, app or refresh token.")
                .literals(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]),
            cred("SEC-GITHUB-FINE-GRAINED-TOKEN", "GitHub fine-grained token", r"\bgithub_pat_[A-Za-z0-9_]{60,255}\b")
                .description("A GitHub fine-grained personal access token.")
                .literals(["github_pat_"]),
            cred("SEC-GITLAB-TOKEN", "GitLab token", r"\bgl(?:pat|dt|rt|ptt)-[A-Za-z0-9_\-]{20,}")
                .description("A GitLab personal, deploy, runner or trigger token.")
                .literals(["glpat-", "gldt-", "glrt-", "glptt-"]),
            cred("SEC-SLACK-TOKEN", "Slack token", r"\bxox[abprse]-[0-9A-Za-z]{6,}-[0-9A-Za-z-]{6,}")
                .description("A Slack bot, user, app or refresh token.")
                .literals(["xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xoxe-"])
                .defer_to(["SEC-SLACK-LEGACY-TOKEN"]),
            cred("SEC-SLACK-APP-TOKEN", "Slack app-level token", r"\bxapp-\d-[A-Z0-9]{8,12}-\d{10,16}-[a-f0-9]{32,80}\b")
                .description("A Slack app-level token (Socket Mode and app-wide APIs).")
                .literals(["xapp-"])
                .references(["https://api.slack.com/authentication/token-types"]),
            cred(
                "SEC-SLACK-LEGACY-TOKEN",
                "Slack legacy token",
                r"\bxox[ar]-\d-[0-9A-Za-z]{8,48}\b|\bxox[os]-\d+-\d+-\d+-[a-fA-F0-9]{32,}\b",
            )
            .description("A Slack legacy workspace or legacy user token; Slack no longer issues them, and those still valid grant broad access.")
            .literals(["xoxa-", "xoxr-", "xoxo-", "xoxs-"])
            .references(["https://api.slack.com/authentication/token-types"]),
            cred(
                "SEC-SLACK-WEBHOOK",
                "Slack incoming webhook",
                r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{16,}",
            )
            .severity(Severity::High)
            .description("A Slack incoming webhook URL lets anyone post to the channel.")
            .literals(["hooks.slack.com"]),
            cred("SEC-STRIPE-SECRET-KEY", "Stripe live secret key", r"\b(?:sk|rk)_live_[0-9A-Za-z]{20,247}\b")
                .description("A Stripe live secret or restricted key.")
                .literals(["sk_live_", "rk_live_"]),
            cred("SEC-GOOGLE-API-KEY", "Google API key", r"\bAIza[0-9A-Za-z_\-]{35}")
                .severity(Severity::High)
                .description("A Google Cloud or Firebase API key.")
                .literals(["AIza"]),
            cred(
                "SEC-GCP-SERVICE-ACCOUNT",
                "Google service account key file",
                r#""type"\s*:\s*"service_account"[\s\S]{0,2000}?"private_key"\s*:\s*"-----BEGIN"#,
            )
            .description("A Google Cloud service account key (JSON with a private key).")
            .literals(["service_account"]),
            cred(
                "SEC-PRIVATE-KEY",
                "Private key",
                r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----",
            )
            .description("A PEM, OpenSSH or PGP private key block.")
            .literals(["PRIVATE KEY"])
            .cwe(["CWE-798", "CWE-321"]),
            cred(
                "SEC-JWT",
                "JSON Web Token",
                r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}",
            )
            .severity(Severity::High)
            .description("A signed JSON Web Token; it may grant access until it expires.")
            .literals(["eyJ"]),
            cred(
                "SEC-CONNECTION-STRING-PASSWORD",
                "Connection string with password",
                r#"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)://[^\s:/@'"]+:(?!(?i:bar|baz|pass|passwd|password|secret|changeme|example|test|pw|pwd|xxx+|\*+)@)[^\s@/'"$<{]{3,}@[^\s'"]+"#,
            )
            .severity(Severity::High)
            .description("A database or broker URL embeds a password.")
            .literals(["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver"]),
            cred("SEC-SENDGRID-KEY", "SendGrid API key", r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b")
                .description("A SendGrid API key.")
                .literals(["SG."]),
            cred("SEC-TWILIO-API-KEY", "Twilio API key", r"\bSK[0-9a-f]{32}\b")
                .severity(Severity::High)
                .description("A Twilio API key sid.")
                .literals(["SK"]),
            cred("SEC-NPM-TOKEN", "npm access token", r"\bnpm_[A-Za-z0-9]{36}\b")
                .description("An npm access token can publish packages.")
                .literals(["npm_"]),
            cred("SEC-PYPI-TOKEN", "PyPI upload token", r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")
                .description("A PyPI API token can publish packages.")
                .literals(["pypi-AgEIcHlwaS5vcmc"]),
            cred("SEC-AZURE-STORAGE-KEY", "Azure storage account key", r"AccountKey=[A-Za-z0-9+/]{86}==")
                .description("An Azure storage connection string with its account key.")
                .literals(["AccountKey="]),
            cred("SEC-OPENAI-KEY", "OpenAI API key", r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}")
                .description("An OpenAI API key (its middle encodes \"OpenAI\").")
                .literals(["T3BlbkFJ"])
                .references(["https://platform.openai.com/docs/api-reference/authentication"]),
            cred("SEC-ANTHROPIC-KEY", "Anthropic API key", r"\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}")
                .description("An Anthropic API key.")
                .literals(["sk-ant-"])
                .references(["https://docs.anthropic.com/en/api/getting-started"]),
            cred("SEC-HUGGINGFACE-TOKEN", "Hugging Face token", r"\bhf_[A-Za-z]{34}\b")
                .description("A Hugging Face user access token.")
                .literals(["hf_"])
                .references(["https://huggingface.co/docs/hub/security-tokens"]),
            cred("SEC-DISCORD-WEBHOOK", "Discord webhook URL", r"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,}")
                .description("A Discord webhook URL lets anyone post to the channel.")
                .literals(["discord"])
                .references(["https://discord.com/developers/docs/resources/webhook"]),
            cred("SEC-TELEGRAM-BOT-TOKEN", "Telegram bot token", r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b")
                .description("A Telegram bot token.")
                .literals([":AA"])
                .references(["https://core.telegram.org/bots/api#authorizing-your-bot"]),
            cred("SEC-SHOPIFY-TOKEN", "Shopify access token", r"\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b")
                .description("A Shopify admin, custom app or shared secret token.")
                .literals(["shpat_", "shpca_", "shppa_", "shpss_"])
                .references(["https://shopify.dev/docs/apps/build/authentication-authorization"]),
            cred("SEC-DIGITALOCEAN-TOKEN", "DigitalOcean token", r"\bdo[por]_v1_[a-f0-9]{64}\b")
                .description("A DigitalOcean personal access, OAuth or refresh token.")
                .literals(["dop_v1_", "doo_v1_", "dor_v1_"])
                .references(["https://docs.digitalocean.com/reference/api/create-personal-access-token/"]),
            cred("SEC-DOCKER-HUB-TOKEN", "Docker Hub access token", r"\bdckr_pat_[A-Za-z0-9_-]{27}\b")
                .description("A Docker Hub personal access token.")
                .literals(["dckr_pat_"])
                .references(["https://docs.docker.com/security/for-developers/access-tokens/"]),
            // Vault before 1.10 issued `s.` + 24 characters: too generic alone, so only
            // where the line names Vault (`VAULT_TOKEN=`, `X-Vault-Token:`).
            cred(
                "SEC-VAULT-TOKEN",
                "HashiCorp Vault token",
                r#"\bhv[sb]\.[A-Za-z0-9_-]{90,}|(?i:vault)[A-Za-z0-9_ \t"':=.-]{0,40}?\bs\.[A-Za-z0-9]{24}\b"#,
            )
                .description("A HashiCorp Vault service or batch token (or a legacy `s.` token named as Vault's).")
                .literals(["hvs.", "hvb.", "vault"])
                .references(["https://developer.hashicorp.com/vault/docs/concepts/tokens"]),
            cred("SEC-DATABRICKS-TOKEN", "Databricks token", r"\bdapi[a-f0-9]{32}(?:-\d)?\b")
                .description("A Databricks personal access token.")
                .literals(["dapi"])
                .references(["https://docs.databricks.com/en/dev-tools/auth/pat.html"]),
            cred(
                "SEC-PASSWORD-ASSIGNMENT",
                "Hard-coded password",
                r#"(?i)\b[a-z0-9_]*(?:password|passwd|pwd|secret|api_?key|auth_?token|access_?token)["']?\s*[:=]\s*["']([^"'\s$<{%\[*][^"'\s]{7,})["']"#,
            )
            .severity(Severity::High)
            .description("A password, API key or token is assigned a literal value.")
            .literals(["password", "passwd", "pwd", "secret", "apikey", "api_key", "token"])
            .exclude(NOT_SOURCE_OR_PROSE)
            .defer_to(SPECIFIC),
            // Config formats quote nothing: `spring.datasource.password=s3cret`,
            // `DB_PASSWORD=s3cret`, `password = s3cret` under an INI section. The name must end
            // in the credential word (`password_min_length` is a setting, not a secret).
            Rule::regex(
                "SEC-CONFIG-FILE-CREDENTIAL",
                "Credential in a config file",
                r#"(?im)^[ \t]*(?:export[ \t]+)?[A-Za-z0-9_.\-]*?(?:password|passwd|pwd|secret|secret[_.\-]?key|api[_.\-]?key|token)[ \t]*[=:][ \t]*[^\s"'`$%<{#;\[*][^\s#;]{5,}[ \t]*$"#,
            )
            .severity(Severity::High)
            .description("A password, API key or token is written unquoted in an INI, .properties, .env or similar config file.")
            .globs(["**/*.ini", "**/*.cfg", "**/*.conf", "**/*.properties", "**/.env", "**/.env.*", "**/*.env"])
            .exclude(["**/.env.example", "**/.env.sample", "**/.env.template", "**/*.example", "**/*.sample", "**/*.template"])
            .standard(STD, "CWE-798")
            .cwe(["CWE-798", "CWE-260"])
            .tags(["security", "secrets"])
            .remediation(CRED_REMEDIATION)
            .references([CWE_798, "https://cwe.mitre.org/data/definitions/260.html", SECRETS_CHEAT_SHEET])
            .literals(["password", "passwd", "pwd", "secret", "key", "token"])
            .defer_to(SPECIFIC),
            Rule::check("SEC-HIGH-ENTROPY-ASSIGNMENT", "High-entropy credential")
                .severity(Severity::Medium)
                .description("A credential-like name is assigned a long random-looking string (Shannon entropy above 4 bits per character).")
                .standard(STD, "CWE-798")
                .cwe(["CWE-798"])
                .tags(["security", "secrets", "entropy"])
                .remediation(CRED_REMEDIATION)
                .references([CWE_798, SECRETS_CHEAT_SHEET])
                .literals(["key", "secret", "token", "credential", "passw"])
                .defer_to(SPECIFIC)
                .exclude(NOT_SOURCE_OR_PROSE),
            Rule::check("SEC-DOTENV-FILE", "Committed .env file with values")
                .severity(Severity::High)
                .description("A .env file with assigned values is committed; such files usually hold local secrets.")
                .globs(["**/.env", "**/.env.local", "**/.env.production", "**/.env.*.local"])
                // A test suite's .env is a fixture (`FOO=env`); its credentials, if any, are
                // still SEC-CONFIG-FILE-CREDENTIAL findings.
                .exclude(["**/tests/**", "**/test/**", "**/__tests__/**", "**/spec/**", "**/fixtures/**"])
                .standard(STD, "CWE-538")
                .cwe(["CWE-538", "CWE-798"])
                .tags(["security", "secrets"])
                .references(["https://cwe.mitre.org/data/definitions/538.html", SECRETS_CHEAT_SHEET])
                .remediation("Remove the file from version control, add it to .gitignore and commit a .env.example with placeholder values instead."),
        ]
    }

    fn keep_match(rule: &Rule, file: &File<'_>, m: &RegexMatch) -> bool {
        let (start, end) = (m.start as usize, (m.end as usize).min(file.contents.len()));
        let matched = file.contents.get(start..end).unwrap_or_default();
        match rule.id() {
            "SEC-PRIVATE-KEY" => precision::private_key_has_body(file.contents, end),
            "SEC-CONFIG-FILE-CREDENTIAL" => {
                let value = precision::assigned_value(matched);
                !precision::is_placeholder(value) && !precision::is_reference(value) && !precision::is_stand_in(value)
            }
            // The generic rule's value is its capture, inside the quotes.
            "SEC-PASSWORD-ASSIGNMENT" => {
                let value = precision::assigned_value(matched);
                !precision::is_placeholder(value) && !precision::is_stand_in(value)
            }
            _ => !precision::is_placeholder(matched),
        }
    }

    fn check(rule: &Rule, file: &File<'_>, out: &mut Findings) {
        match rule.id() {
            "SEC-HIGH-ENTROPY-ASSIGNMENT" => high_entropy(file, out),
            "SEC-DOTENV-FILE" => dotenv(file, out),
            _ => {}
        }
    }
}

/// Provider-specific rules; the generic rules stay quiet on a line where one of these fired.
const SPECIFIC: [&str; 30] = [
    "SEC-AWS-ACCESS-KEY-ID",
    "SEC-SLACK-APP-TOKEN",
    "SEC-SLACK-LEGACY-TOKEN",
    "SEC-AWS-SECRET-ACCESS-KEY",
    "SEC-GITHUB-TOKEN",
    "SEC-GITHUB-FINE-GRAINED-TOKEN",
    "SEC-GITLAB-TOKEN",
    "SEC-SLACK-TOKEN",
    "SEC-SLACK-WEBHOOK",
    "SEC-STRIPE-SECRET-KEY",
    "SEC-GOOGLE-API-KEY",
    "SEC-GCP-SERVICE-ACCOUNT",
    "SEC-PRIVATE-KEY",
    "SEC-JWT",
    "SEC-CONNECTION-STRING-PASSWORD",
    "SEC-SENDGRID-KEY",
    "SEC-TWILIO-API-KEY",
    "SEC-NPM-TOKEN",
    "SEC-PYPI-TOKEN",
    "SEC-AZURE-STORAGE-KEY",
    "SEC-OPENAI-KEY",
    "SEC-ANTHROPIC-KEY",
    "SEC-HUGGINGFACE-TOKEN",
    "SEC-DISCORD-WEBHOOK",
    "SEC-TELEGRAM-BOT-TOKEN",
    "SEC-SHOPIFY-TOKEN",
    "SEC-DIGITALOCEAN-TOKEN",
    "SEC-DOCKER-HUB-TOKEN",
    "SEC-VAULT-TOKEN",
    "SEC-DATABRICKS-TOKEN",
];

const CREDENTIAL_WORDS: [&str; 5] = ["key", "secret", "token", "credential", "passw"];

fn shannon_entropy(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    for b in s.bytes() {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

fn contains_credential_word(name: &[u8]) -> bool {
    CREDENTIAL_WORDS.iter().any(|w| name.windows(w.len()).any(|win| win.eq_ignore_ascii_case(w.as_bytes())))
}

/// `name = "value"` or `name: 'value'` where the name looks like a credential and the value
/// is 20+ token characters with high entropy. Works on bytes without allocating per line:
/// this check runs on every file that mentions "key", which is most source files.
fn high_entropy(file: &File<'_>, out: &mut Findings) {
    for (idx, line) in file.contents.split(|&b| b == b'\n').enumerate() {
        if line.len() < 24 {
            continue;
        }
        let Some(op) = line.iter().position(|&b| b == b'=' || b == b':') else { continue };
        if !contains_credential_word(&line[..op]) {
            continue;
        }
        let rest = &line[op + 1..];
        let Some(q) = rest.iter().position(|&b| b == b'"' || b == b'\'') else { continue };
        let quote = rest[q];
        let value_start = op + 1 + q + 1;
        let Some(len) = line[value_start..].iter().position(|&b| b == quote) else { continue };
        let value = &line[value_start..value_start + len];
        let token_like = value.len() >= 20 && value.iter().all(|b| b.is_ascii_alphanumeric() || b"+/=_-.".contains(b));
        if !token_like {
            continue;
        }
        // Token-like values are ASCII, so byte offsets below are character offsets too.
        let Ok(value) = std::str::from_utf8(value) else { continue };
        if precision::is_placeholder(value.as_bytes()) || shannon_entropy(value) <= 4.0 || word_like(value) {
            continue;
        }
        let line_no = idx as u32 + 1;
        let col = String::from_utf8_lossy(&line[..value_start]).chars().count() as u32 + 1;
        out.report(line_no, col, line_no, col + value.len() as u32);
    }
}

/// Whether a value reads as words (`KeyManagementServiceTotalRequests`,
/// `ecdsa_test_public_key.der`) rather than random characters: at least 60% of it is in
/// runs of three or more letters split at case changes and non-letters. Random tokens
/// flip case and mix digits too often to get there.
fn word_like(value: &str) -> bool {
    let b = value.as_bytes();
    let (mut covered, mut i) = (0usize, 0usize);
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // A run: an optional capital, then lower case; or all capitals.
        let start = i;
        i += 1;
        if b[start].is_ascii_uppercase() && i < b.len() && b[i].is_ascii_uppercase() {
            while i < b.len() && b[i].is_ascii_uppercase() && !(i + 1 < b.len() && b[i + 1].is_ascii_lowercase()) {
                i += 1;
            }
        } else {
            while i < b.len() && b[i].is_ascii_lowercase() {
                i += 1;
            }
        }
        if i - start >= 3 {
            covered += i - start;
        }
    }
    // A file name (`ed25519_test_public_key.der`) is not a token either.
    let file_name =
        value.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && (2..=4).contains(&ext.len()) && ext.bytes().all(|c| c.is_ascii_lowercase()));
    file_name || has_uuid(value) || covered * 10 >= b.len() * 6
}

/// Whether `value` contains a UUID (`3BD1C4BF-004E-4E2F-8A4D-0BF633DCB074`): an
/// identifier, however random it looks.
fn has_uuid(value: &str) -> bool {
    let parts: Vec<&str> = value.split(|c: char| !c.is_ascii_hexdigit()).collect();
    parts.windows(5).any(|w| w.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]))
}

#[cfg(test)]
mod tests {
    use super::word_like;

    #[test]
    fn words_are_not_tokens() {
        assert!(word_like("KeyManagementServiceTotalRequests"));
        assert!(word_like("ecdsa_test_public_key_p256.der"));
        assert!(word_like("ed25519_test_public_key.der"));
        assert!(word_like("MICROSOFT_PCP_KSP_RSA_SEAL_KEY_3BD1C4BF-004E-4E2F-8A4D-0BF633DCB074"));
        assert!(word_like("CRYPT_OID_EXPORT_PUBLIC_KEY_INFO_FUNC"));
        assert!(!word_like("PFjbD0kH8Oool8DklZDOCj2ISaJiHkTj0rLGlkoM"));
        assert!(!word_like("9f8Kq2LmZx7Rt4Wv1Yb6Nc3Hd5Js0Pg"));
    }
}

/// Any `KEY=value` line with a non-empty value in a `.env` file.
fn dotenv(file: &File<'_>, out: &mut Findings) {
    let text = file.text();
    for (idx, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        if let Some((k, v)) = line.split_once('=') {
            let v = v.trim().trim_matches(['"', '\'']);
            if !k.trim().is_empty() && !v.is_empty() {
                out.report_line(idx as u32 + 1);
                return;
            }
        }
    }
}

sentra_sdk::export_pack!(Secrets);
