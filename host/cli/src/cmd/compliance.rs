//! `sentra compliance-report`: one framework's clauses and their status.

use std::io::Write;

use anyhow::Result;
use sentra_app::compliance::{Build, Format};
use sentra_engine::{ScanOptions, Source};

use crate::args::*;
use crate::common::*;

pub(crate) fn compliance_cmd(args: ComplianceArgs, state_dir: Option<&std::path::Path>) -> Result<u8> {
    let root = &args.path;
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let config = load_config(root, args.config.as_deref(), std::slice::from_ref(&args.pack), &[])?;
    let cat = catalog()?;
    let mut extra = Vec::new();
    for file in crate::common::config_pack_files(&config, root, args.config.is_some())? {
        extra.push(load_pack_file(&cat, &file, &config)?);
    }
    let mut set = cat.load_with(&config, extra.clone())?;
    // The packs whose findings the report cites (`evidence_from`) run in the same scan.
    let available: Vec<String> = cat.ids().into_iter().chain(extra.iter().map(|p| p.info().id.clone())).collect();
    let scan_packs = sentra_app::compliance::scan_packs(&set, &args.pack, &available);
    let mut config = config;
    if scan_packs.len() > 1 {
        config.standards_packs = Some(scan_packs);
        set = cat.load_with(&config, extra)?;
    }
    let result = sentra_engine::scan(&Source::Directory(root.clone()), &set, &config, &ScanOptions::default())?;
    let target = root.display().to_string();
    let actor = sentra_app::Actor::cli();
    // Obligations attested through the approvals API of a server on this state directory,
    // which also records the report's digest.
    let store = open_existing_store(state_dir)?;
    let build = Build {
        pack_id: &args.pack,
        set: &set,
        result: &result,
        root,
        config: &config,
        target: &target,
        store: store.as_deref(),
        tenant: &args.tenant,
        run_by: &actor.name,
    };
    let report = sentra_app::compliance::build(&build)?.ok_or_else(|| anyhow::anyhow!("pack `{}` did not run", args.pack))?;
    let format = match args.format {
        ComplianceFormat::Json => Format::Json,
        ComplianceFormat::Html => Format::Html,
    };
    let rendered = sentra_app::compliance::render(&report, format);
    if let Some(store) = &store {
        sentra_app::compliance::record(&**store, &args.tenant, &actor, &report, format, &rendered);
    }
    let (buf, digest) = (rendered.body, rendered.sha256);
    emit(args.output.as_deref(), &buf)?;
    let s = &report.summary;
    // The digest lets a reader check that a copy of the report was not edited.
    let _ = writeln!(
        anstream::stderr(),
        "sentra: {}: {} clauses: {} failing, {} not assessed, {} open, {} passing, {} not applicable (report sha256 {digest})",
        report.pack_id,
        s.clauses,
        s.failing,
        s.not_assessed,
        s.open,
        s.passing,
        s.not_applicable
    );
    Ok(u8::from(!args.exit_zero && report.fails(args.strict)))
}
