//! Zero-config pack selection: what a project is made of (languages by file extension and
//! manifest, frameworks by manifest content, infrastructure files), and the packs that
//! follows. `standards_packs` unset means exactly this choice; `sentra init` writes it out.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Config;

/// Packs every project gets.
pub const ALWAYS: [&str; 3] = ["secrets", "owasp-top-10", "supply-chain-security"];

/// Files looked at, at most: detection must stay instant on huge trees.
pub const MAX_FILES: usize = 50_000;

/// (language, its pack, file extensions, manifests that imply it).
const LANGUAGES: &[(&str, &str, &[&str], &[&str])] = &[
    ("python", "python-security", &["py", "pyw"], &["requirements.txt", "pyproject.toml", "setup.py", "Pipfile"]),
    ("javascript", "javascript-security", &["js", "jsx", "mjs", "cjs", "ts", "tsx"], &["package.json"]),
    ("go", "go-security", &["go"], &["go.mod"]),
    ("java", "java-security", &["java"], &["pom.xml"]),
    ("csharp", "csharp-security", &["cs"], &[]),
    ("php", "php-security", &["php"], &["composer.json"]),
    ("kotlin", "kotlin-security", &["kt", "kts"], &["AndroidManifest.xml"]),
    ("rust", "rust-security", &["rs"], &["Cargo.toml"]),
    ("c/c++", "cpp-coding-standards", &["c", "h", "cc", "cpp", "cxx", "hpp", "hh"], &[]),
    ("ruby", "", &["rb", "erb"], &["Gemfile"]),
];

/// (framework, manifest file, case-insensitive marker in it).
const FRAMEWORKS: &[(&str, &str, &str)] = &[
    ("django", "requirements.txt", "django"),
    ("flask", "requirements.txt", "flask"),
    ("fastapi", "requirements.txt", "fastapi"),
    ("django", "pyproject.toml", "django"),
    ("flask", "pyproject.toml", "flask"),
    ("express", "package.json", "\"express\""),
    ("react", "package.json", "\"react\""),
    ("spring", "pom.xml", "spring"),
    ("spring", "build.gradle", "spring"),
    ("spring", "build.gradle.kts", "spring"),
    ("laravel", "composer.json", "laravel/framework"),
    ("rails", "Gemfile", "rails"),
    ("axum", "Cargo.toml", "axum"),
];

/// What was found, and the packs chosen for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detection {
    /// Language and how many files of it.
    pub languages: BTreeMap<String, usize>,
    pub frameworks: Vec<String>,
    /// Infrastructure kinds found: terraform, kubernetes, dockerfile, cloudformation.
    pub infrastructure: Vec<String>,
    /// The chosen packs, with why, in a stable order.
    pub packs: Vec<(String, String)>,
}

impl Detection {
    pub fn pack_ids(&self) -> Vec<String> {
        self.packs.iter().map(|(id, _)| id.clone()).collect()
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// Bytes of a file's start read to recognise infrastructure files.
const HEAD_BYTES: u64 = 4096;

fn read_head(path: &Path) -> String {
    use std::io::Read;
    let mut buf = Vec::new();
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(HEAD_BYTES).read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// Looks at `root` the way a scan would (same walk, same excludes) and chooses packs from
/// `available` (the catalog's ids).
pub fn detect(root: &Path, config: &Config, available: &[String]) -> Detection {
    let mut d = Detection::default();
    let mut manifests: Vec<(String, std::path::PathBuf)> = Vec::new();
    for (rel, path, len) in crate::scan::walk_tree(root, config).into_iter().take(MAX_FILES) {
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        for (lang, _, exts, files) in LANGUAGES {
            if exts.contains(&ext.as_str()) || files.contains(&name.as_str()) {
                *d.languages.entry(lang.to_string()).or_default() += 1;
            }
        }
        if ext == "csproj" || ext == "sln" {
            *d.languages.entry("csharp".into()).or_default() += 1;
        }
        if ext == "tf" {
            push_unique(&mut d.infrastructure, "terraform");
        }
        if name == "Dockerfile" || name.starts_with("Dockerfile.") || ext == "dockerfile" {
            push_unique(&mut d.infrastructure, "dockerfile");
        }
        if FRAMEWORKS.iter().any(|(_, f, _)| *f == name) && len < 1 << 20 {
            manifests.push((name.clone(), path.clone()));
        }
        if matches!(ext.as_str(), "yaml" | "yml" | "json" | "template") && len < 1 << 20 {
            // Only the start of the file (detection runs before every zero-config scan):
            // enough for apiVersion/kind or the CloudFormation header.
            let head = read_head(&path);
            if head.contains("AWSTemplateFormatVersion") {
                push_unique(&mut d.infrastructure, "cloudformation");
            } else if head.lines().any(|l| l.starts_with("apiVersion:")) && head.lines().any(|l| l.starts_with("kind:")) {
                push_unique(&mut d.infrastructure, "kubernetes");
            }
        }
    }
    for (name, path) in &manifests {
        let text = std::fs::read_to_string(path).unwrap_or_default().to_ascii_lowercase();
        for (fw, file, marker) in FRAMEWORKS {
            if file == name && text.contains(marker) {
                push_unique(&mut d.frameworks, fw);
            }
        }
    }
    let has = |id: &str| available.iter().any(|a| a == id);
    d.packs = always_on(available).packs;
    for (lang, pack, _, _) in LANGUAGES {
        if let Some(n) = d.languages.get(*lang)
            && !pack.is_empty()
            && has(pack)
            && !d.packs.iter().any(|(p, _)| p == pack)
        {
            d.packs.push((pack.to_string(), format!("{lang}: {n} file(s)")));
        }
    }
    if !d.infrastructure.is_empty() && has("cloud-iac") {
        d.packs.push(("cloud-iac".into(), format!("infrastructure: {}", d.infrastructure.join(", "))));
    }
    d
}

/// The packs every tree gets, whatever it is made of (and a tree with no files, such as
/// a scan of inline files by a tenant without a workspace).
pub fn always_on(available: &[String]) -> Detection {
    let mut d = Detection::default();
    for id in ALWAYS.iter().filter(|id| available.iter().any(|a| a == *id)) {
        let why = match *id {
            "secrets" => "hard-coded credentials (always on)",
            "owasp-top-10" => "OWASP Top 10 across languages (always on)",
            _ => "dependency and CI hygiene (always on)",
        };
        d.packs.push((id.to_string(), why.to_string()));
    }
    d
}

/// The commented config `sentra init` writes for `d`.
pub fn init_config(d: &Detection, today: &str) -> String {
    let list = |v: Vec<String>| if v.is_empty() { "none".to_string() } else { v.join(", ") };
    let mut s = format!(
        "# sentra configuration, written by `sentra init` on {today}.\n\
         # Detected languages: {}\n\
         # Detected frameworks: {}\n\
         # Detected infrastructure: {}\n\
         # The packs below follow from that; add or remove freely (`sentra list-packs`).\n\
         # Every key: schemas/config.schema.json in the sentra repository.\n\
         standards_packs:\n",
        list(d.languages.iter().map(|(l, n)| format!("{l} ({n} files)")).collect()),
        list(d.frameworks.clone()),
        list(d.infrastructure.clone()),
    );
    let width = d.packs.iter().map(|(id, _)| id.len()).max().unwrap_or(0);
    for (id, why) in &d.packs {
        s.push_str(&format!("  - {id:<width$}  # {why}\n"));
    }
    s.push_str(
        "# Findings at these severities fail `sentra gate`.\n\
         gate_fail_on: [critical, high]\n\
         # Paths not to scan (globs relative to this directory).\n\
         # scan_exclude: [docs, \"**/*.min.js\"]\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn languages_frameworks_and_infrastructure_choose_packs() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "app/main.py", "print(1)\n");
        write(dir.path(), "requirements.txt", "Flask==3.0.0\n");
        write(dir.path(), "web/index.ts", "export {}\n");
        write(dir.path(), "deploy/app.yaml", "apiVersion: v1\nkind: Pod\n");
        write(dir.path(), "node_modules/x/index.go", "package x\n");
        let available: Vec<String> = ["secrets", "owasp-top-10", "supply-chain-security", "python-security", "javascript-security", "go-security", "cloud-iac"]
            .map(String::from)
            .to_vec();
        let d = detect(dir.path(), &Config::default(), &available);
        assert_eq!(d.pack_ids(), ["secrets", "owasp-top-10", "supply-chain-security", "python-security", "javascript-security", "cloud-iac"]);
        assert_eq!(d.frameworks, ["flask"]);
        assert_eq!(d.infrastructure, ["kubernetes"]);
        assert_eq!(d.languages["python"], 2, "the .py file and requirements.txt");
        let text = init_config(&d, "2026-11-27");
        let raw = crate::config::parse_yaml(&text, "init").unwrap();
        assert_eq!(raw.standards_packs.unwrap(), d.pack_ids());
        assert!(text.contains("# Detected frameworks: flask"), "{text}");
    }
}
