//! A workspace per tenant: the one tree a tenant's requests may read (and `generate-reqs`
//! write). The operator maps tenants to directories: `tenants.<t>.root` in the config, or
//! `--tenants-root DIR` giving `DIR/<t>`; without either, the `default` tenant's workspace
//! is the server root (the single-tenant setup) and other tenants have none. Roots may not
//! overlap, so no tenant's tree holds another's.

use std::path::{Path, PathBuf};

use axum::http::StatusCode;
use sentra_engine::Config;

use crate::ApiError;
use crate::state::StartError;

/// The workspace of `tenant`, canonical; `None` when the operator gave it none.
pub(crate) fn root_of(server_root: &Path, tenants_root: Option<&Path>, config: &Config, tenant: &str) -> Option<PathBuf> {
    let explicit = config.tenant_roots.get(tenant).map(|r| server_root.join(r));
    let candidate = match (explicit, tenants_root) {
        (Some(r), _) => r,
        (None, Some(dir)) => {
            // `DIR/<t>` itself, not a link out of it (which could name another tenant's tree).
            let dir = dir.canonicalize().ok()?;
            let root = dir.join(tenant).canonicalize().ok()?;
            return (root == dir.join(tenant) && root.is_dir()).then_some(root);
        }
        (None, None) if tenant == sentra_app::DEFAULT_TENANT => server_root.to_path_buf(),
        (None, None) => return None,
    };
    candidate.canonicalize().ok().filter(|p| p.is_dir())
}

/// The workspace of `tenant`, or 403 `no_workspace` (inline-file scans need none).
pub(crate) fn require(root: Option<PathBuf>, tenant: &str) -> Result<PathBuf, ApiError> {
    root.ok_or_else(|| {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "no_workspace",
            format!(
                "tenant `{tenant}` has no workspace on this server: scan inline files, or ask the operator to map one (tenants.{tenant}.root or --tenants-root)"
            ),
        )
    })
}

/// Refuses a setup where one workspace contains another: every explicit root, the
/// `--tenants-root` directory (which holds one root per tenant), and the server root when
/// it is the `default` tenant's. Roots that do not exist yet are compared by where they will be.
pub(crate) fn check_no_overlap(server_root: &Path, tenants_root: Option<&Path>, config: &Config) -> Result<(), StartError> {
    let mut roots: Vec<(String, PathBuf)> = config.tenant_roots.iter().map(|(t, r)| (format!("tenant `{t}`"), resolve(&server_root.join(r)))).collect();
    if let Some(dir) = tenants_root {
        roots.push(("--tenants-root".into(), resolve(dir)));
    }
    if tenants_root.is_none() && !config.tenant_roots.contains_key(sentra_app::DEFAULT_TENANT) {
        roots.push(("tenant `default` (the server root)".into(), resolve(server_root)));
    }
    for (i, (a, ra)) in roots.iter().enumerate() {
        for (b, rb) in &roots[i + 1..] {
            if ra.starts_with(rb) || rb.starts_with(ra) {
                return Err(StartError::Workspace(format!(
                    "the workspaces of {a} ({}) and {b} ({}) overlap: each tenant needs a tree of its own",
                    ra.display(),
                    rb.display()
                )));
            }
        }
    }
    Ok(())
}

/// `path` with symlinks resolved as far as it exists and `.`/`..` applied to the rest, so a
/// root that does not exist yet still compares by where it will be.
fn resolve(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while existing.canonicalize().is_err() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for part in rest.iter().rev() {
        match part.to_str() {
            Some("..") => {
                out.pop();
            }
            Some(".") => {}
            _ => out.push(part),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Config {
        Config::from_raw(sentra_engine::config::parse_yaml(yaml, "c.yaml").unwrap(), "c.yaml").unwrap()
    }

    #[test]
    fn roots_come_from_the_config_or_the_tenants_root_and_may_not_overlap() {
        let dir = tempfile::tempdir().unwrap();
        let (server, tenants) = (dir.path().join("server"), dir.path().join("tenants"));
        for d in [server.join("a"), tenants.join("beta")] {
            std::fs::create_dir_all(d).unwrap();
        }
        let c = config("tenants: {acme: {root: a}}\n");
        assert!(root_of(&server, None, &c, "acme").unwrap().ends_with("server/a"));
        assert!(root_of(&server, None, &c, "beta").is_none(), "no root: no workspace, never the server's");
        assert!(root_of(&server, Some(&tenants), &c, "beta").unwrap().ends_with("tenants/beta"));
        assert!(root_of(&server, Some(&tenants), &c, "gamma").is_none());
        std::os::unix::fs::symlink(tenants.join("beta"), tenants.join("delta")).unwrap();
        assert!(root_of(&server, Some(&tenants), &c, "delta").is_none(), "a link to another tenant's tree is no workspace");
        assert!(root_of(&server, None, &c, "default").unwrap().ends_with("server"));
        // acme's root is inside the default tenant's (the server root).
        let err = check_no_overlap(&server, None, &c).unwrap_err().to_string();
        assert!(err.contains("tenant `acme`") && err.contains("overlap"), "{err}");
        assert!(check_no_overlap(&server, Some(&tenants), &c).is_ok());
        let nested = config("tenants: {acme: {root: ../tenants/beta/x}}\n");
        assert!(check_no_overlap(&server, Some(&tenants), &nested).is_err());
    }
}
