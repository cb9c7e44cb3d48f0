//! `sentra pack ...`: test, lint, import, export and list packs (bundles and keys: `bundle.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sentra_engine::{Config, ScanOptions, Source, declarative};

use crate::args::*;
use crate::common::*;

pub(crate) fn run(cmd: PackCommand, state_dir: Option<&Path>) -> Result<u8> {
    match cmd {
        PackCommand::Test(args) => pack_test(args),
        PackCommand::New(args) => pack_new(args),
        PackCommand::Lint(args) => pack_lint(args),
        PackCommand::Import(args) => pack_import(args, state_dir),
        PackCommand::Export(args) => pack_export(args, state_dir),
        PackCommand::Delete(args) => pack_delete(args, state_dir),
        PackCommand::List(args) => pack_list(args, state_dir),
        PackCommand::Keygen(args) => super::bundle::keygen(args),
        PackCommand::Sign(args) => super::bundle::sign(args),
        PackCommand::Verify(args) => super::bundle::verify(args),
    }
}

fn pack_new(args: PackNewArgs) -> Result<u8> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from(&args.name));
    let written = crate::scaffold::new_pack(&args.name, args.lang, &dir, args.sdk.as_deref())?;
    let mut out = anstream::stdout();
    writeln!(out, "created {} ({} files); see {}", dir.display(), written.len(), dir.join("README.md").display())?;
    Ok(0)
}

fn pack_delete(args: PackIdArgs, state_dir: Option<&Path>) -> Result<u8> {
    let store = open_store(state_dir)?;
    sentra_app::packs::delete_pack(&catalog()?, &*store, &args.tenant, &args.id, &sentra_app::Actor::cli())?;
    writeln!(anstream::stdout(), "deleted pack `{}` of tenant `{}`", args.id, args.tenant)?;
    Ok(0)
}

pub(crate) fn pack_test(args: PackTestArgs) -> Result<u8> {
    let dir = &args.dir;
    if !dir.exists() {
        anyhow::bail!("{}: no such directory (`sentra pack test` takes a pack project's directory)", dir.display());
    }
    if !dir.is_dir() {
        anyhow::bail!("{}: not a directory (`sentra pack test` takes a pack project's directory)", dir.display());
    }
    let mut config = Config::default();
    let cat = catalog()?;
    let own_doc = ["pack.yaml", "pack.yml"].iter().map(|n| dir.join(n)).find(|p| p.is_file());
    let (set, fixtures) = match (&args.pack, &args.pack_file, own_doc) {
        (Some(id), _, _) => {
            config.standards_packs = Some(vec![id.clone()]);
            (cat.load(&config)?, dir.clone())
        }
        (None, Some(file), _) => {
            // A pack project (`sentra pack new`) keeps its fixtures in tests/, beside sources
            // the pack's own rules would otherwise scan.
            config.standards_packs = Some(Vec::new());
            let pack = load_pack_file(&cat, file, &config)?;
            let tests = dir.join("tests");
            (cat.load_with(&config, vec![pack])?, if tests.is_dir() { tests } else { dir.clone() })
        }
        (None, None, Some(doc)) => {
            config.standards_packs = Some(Vec::new());
            let pack = load_pack_file(&cat, &doc, &config)?;
            let tests = dir.join("tests");
            (cat.load_with(&config, vec![pack])?, if tests.is_dir() { tests } else { dir.clone() })
        }
        (None, None, None) => anyhow::bail!("{}: no pack.yaml here; name the pack with --pack or --pack-file", dir.display()),
    };
    let annotations = sentra_engine::pack_test::collect(&fixtures).with_context(|| format!("{}: cannot read fixtures", fixtures.display()))?;
    if annotations.is_empty() {
        anyhow::bail!(
            "{}: no `ruleid:` or `ok:` annotations found in the fixtures (nor a `*{}` sidecar or an `{}`)",
            fixtures.display(),
            sentra_engine::pack_test::SIDECAR_SUFFIX,
            sentra_engine::pack_test::EXPECTED_FILE
        );
    }
    let mut result = sentra_engine::scan(&Source::Directory(fixtures.clone()), &set, &config, &ScanOptions::default())?;
    // The pack document sits beside the fixtures when they share a directory.
    result.findings.retain(|f| f.evidence.file != "pack.yaml" && f.evidence.file != "pack.yml");
    let project = fixtures.join(sentra_engine::pack_test::EXPECTED_FILE).is_file();
    let outcomes = sentra_engine::pack_test::compare(&annotations, &sentra_engine::pack_test::findings_of(&result, project));
    let failed = outcomes.values().any(|o| !o.ok()) || !result.errored_packs.is_empty() || !result.rule_errors.is_empty();
    let mut buf = Vec::new();
    if args.format == Format::Json {
        serde_json::to_writer_pretty(
            &mut buf,
            &serde_json::json!({
                "passed": !failed,
                "rules": outcomes,
                "errored_packs": result.errored_packs,
                "rule_errors": result.rule_errors,
            }),
        )?;
        buf.push(b'\n');
    } else {
        crate::output::pack_test_report(&mut buf, &outcomes, &result)?;
    }
    let mut out = anstream::stdout();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(u8::from(failed))
}

pub(crate) fn pack_import(args: PackImportArgs, state_dir: Option<&Path>) -> Result<u8> {
    use sentra_app::packs::{ImportRequest, ImportSource};
    let bytes = std::fs::read(&args.file).with_context(|| format!("{}: cannot read pack", args.file.display()))?;
    let source =
        ImportSource::sniff(bytes).ok_or_else(|| anyhow::anyhow!("{}: neither a Wasm component, a pack bundle nor UTF-8 YAML", args.file.display()))?;
    let pack_id = args.id.clone();
    let config = import_config(state_dir, &args.tenant)?;
    let req = ImportRequest {
        actor: sentra_app::Actor::cli(),
        tenant: args.tenant.clone(),
        pack_id,
        overwrite: args.overwrite,
        expected_sha256: None,
        enabled: true,
        source,
    };
    let catalog = catalog()?;
    // Checked before the store is opened: a refused pack creates no state directory.
    let checked = sentra_app::packs::check_import(&catalog, &config, &req).with_context(|| format!("{}", args.file.display()))?;
    let store = open_store(state_dir)?;
    let record = sentra_app::packs::store_import(&catalog, &*store, req, checked).with_context(|| format!("{}", args.file.display()))?;
    let signed = record.signer.as_deref().and_then(sentra_bundle::PublicKey::id_of).map(|id| format!(", signed by key {id}"));
    writeln!(
        anstream::stdout(),
        "imported pack `{}` ({}, {} rules, sha256 {}{}) for tenant `{}`",
        record.pack_id,
        record.kind.as_str(),
        record.rule_count,
        record.sha256,
        signed.unwrap_or_default(),
        record.tenant
    )?;
    Ok(0)
}

/// What an import is judged by (its trust policy and limits): the server's, when this
/// state belongs to one (its config file at the root it recorded, under the operator's
/// stored changes), for the importing tenant; else the current directory's config.
fn import_config(state_dir: Option<&Path>, tenant: &str) -> Result<Config> {
    if let Some(store) = open_existing_store(state_dir)?
        && let Some(root) = store.server_root()?
    {
        let values = sentra_app::settings::operator_values(Some(&*store), &root)?;
        let origin = format!("the server's settings ({})", root.display());
        let raw: sentra_engine::config::RawConfig = serde_json::from_value(values).with_context(|| origin.clone())?;
        let raw = sentra_engine::config::apply_env(raw, |k| std::env::var(k).ok())?;
        return Ok(Config::from_raw(raw, &origin)?.for_tenant(tenant));
    }
    Ok(Config::load(Path::new("."), None)?.for_tenant(tenant))
}

pub(crate) fn pack_export(args: PackIdArgs, state_dir: Option<&Path>) -> Result<u8> {
    let cat = catalog()?;
    let config = Config::default();
    let yaml = if cat.ids().contains(&args.id) {
        let mut c = config.clone();
        c.standards_packs = Some(vec![args.id.clone()]);
        let set = cat.load(&c)?;
        sentra_app::packs::export_yaml(&set.packs[0].pack, cat.yaml_document(&args.id))
    } else {
        let store = open_store(state_dir)?;
        let record = store
            .get_pack(&args.tenant, &args.id)?
            .filter(|r| r.custom)
            .ok_or_else(|| anyhow::anyhow!("no pack `{}` for tenant `{}`", args.id, args.tenant))?;
        let bytes = store.pack_bytes(&record)?;
        match record.kind {
            sentra_store::PackKind::Yaml => String::from_utf8_lossy(&bytes).into_owned(),
            sentra_store::PackKind::Wasm => sentra_app::packs::export_yaml(&*cat.load_external(&record.pack_id, &bytes, &config)?, None),
        }
    };
    let mut out = anstream::stdout();
    out.write_all(yaml.as_bytes())?;
    out.flush()?;
    Ok(0)
}

pub(crate) fn pack_list(args: PackListArgs, state_dir: Option<&Path>) -> Result<u8> {
    let store = open_store(state_dir)?;
    let records = store.list_packs(&args.tenant)?;
    let cat = catalog()?;
    let mut out = anstream::stdout();
    let disabled: Vec<&str> = records.iter().filter(|r| !r.enabled).map(|r| r.pack_id.as_str()).collect();
    let mut rows: Vec<serde_json::Value> =
        cat.ids().into_iter().map(|id| serde_json::json!({"pack_id": id, "source": "builtin", "enabled": !disabled.contains(&id.as_str())})).collect();
    for r in records.iter().filter(|r| r.custom) {
        rows.push(serde_json::json!({
            "pack_id": r.pack_id, "source": "custom", "kind": r.kind.as_str(), "enabled": r.enabled,
            "name": r.name, "version": r.version, "rule_count": r.rule_count, "sha256": r.sha256, "last_updated": r.updated_at,
            "signer": r.signer.as_deref().and_then(sentra_bundle::PublicKey::id_of), "author": r.author,
        }));
    }
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({"packs": rows, "total": rows.len()}))?;
        writeln!(out)?;
    } else {
        for r in &rows {
            let enabled = if r["enabled"] == true { "enabled" } else { "disabled" };
            writeln!(
                out,
                "{:<24} {:<8} {:<9} {}",
                r["pack_id"].as_str().unwrap_or(""),
                r["source"].as_str().unwrap_or(""),
                enabled,
                r["sha256"].as_str().unwrap_or("")
            )?;
        }
    }
    Ok(0)
}

pub(crate) fn pack_lint(args: PackLintArgs) -> Result<u8> {
    let file = &args.file;
    let text = std::fs::read_to_string(file).with_context(|| format!("{}: cannot read pack", file.display()))?;
    let config = Config::default();
    let name = file.display().to_string();
    let mut out = anstream::stdout();
    let checked = match check_yaml(file, &text, &config) {
        Ok(c) => c,
        Err(e) => match e.downcast::<declarative::InvalidPack>() {
            Ok(invalid) => {
                for p in &invalid.problems {
                    writeln!(out, "{name}: error: {p}")?;
                }
                writeln!(out, "{} error(s)", invalid.problems.len())?;
                return Ok(1);
            }
            Err(e) => return Err(e),
        },
    };
    let problems = declarative::lint(&checked, &config.pack_limits.regex);
    for p in &problems {
        writeln!(out, "{name}: warning: {p}")?;
    }
    if problems.is_empty() {
        writeln!(out, "{name}: {} rules, no problems found", checked.document.rules.len())?;
        Ok(0)
    } else {
        writeln!(out, "{} warning(s)", problems.len())?;
        Ok(1)
    }
}
