//! `sentra compliance-report`: one framework's clauses and their status.

use std::io::Write;

use anyhow::Result;
use sentra_engine::{ScanOptions, Source};
use sha2::Digest;

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
    let evidence = sentra_engine::compliance::evidence_packs(&set, &args.pack, &available);
    let mut config = config;
    if !evidence.is_empty() {
        config.standards_packs = Some(std::iter::once(args.pack.clone()).chain(evidence).collect());
        set = cat.load_with(&config, extra)?;
    }
    let result = sentra_engine::scan(&Source::Directory(root.clone()), &set, &config, &ScanOptions::default())?;
    let target = root.display().to_string();
    let run_by = sentra_app::Actor::cli().name;
    // Obligations attested through the approvals API of a server on this state directory.
    let approvals = match open_existing_store(state_dir)? {
        Some(store) => sentra_app::attestations::approved(&store, &args.tenant)?,
        None => Default::default(),
    };
    let input = sentra_engine::compliance::ReportInput {
        pack_id: &args.pack,
        packs: &set,
        result: &result,
        root,
        config: &config,
        target: &target,
        run_by: &run_by,
        approvals: &approvals,
    };
    let report = sentra_engine::compliance::report(&input).ok_or_else(|| anyhow::anyhow!("pack `{}` did not run", args.pack))?;
    let buf = match args.format {
        ComplianceFormat::Json => {
            let mut b = serde_json::to_vec_pretty(&report)?;
            b.push(b'\n');
            b
        }
        ComplianceFormat::Html => sentra_reports::render_compliance_html(&report, &sentra_reports::ReportContext::now(target, None)).into_bytes(),
    };
    emit(args.output.as_deref(), &buf)?;
    let s = &report.summary;
    // The digest lets a reader check that a copy of the report was not edited.
    let digest = hex::encode(sha2::Sha256::digest(&buf));
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
