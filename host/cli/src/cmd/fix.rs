//! `sentra fix`: scan, then show (or, with `--apply`, write) the fixes findings carry
//! (`sentra_app::fix`).

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use sentra_app::fix::{FilePlan, Skip};

use crate::args::{FixArgs, Format, ScanArgs, ScanFormat};

pub(crate) fn run(args: FixArgs, state_dir: Option<&Path>) -> Result<u8> {
    if !args.path.is_dir() {
        anyhow::bail!("{}: not a directory (`sentra fix` scans a directory and fixes files in it)", args.path.display());
    }
    let scan_args = ScanArgs {
        path: args.path.clone(),
        exclude: args.exclude.clone(),
        min_severity: None,
        packs: args.packs.clone(),
        pack_files: args.pack_files.clone(),
        fail_on: Vec::new(),
        config: args.config.clone(),
        format: ScanFormat::Text,
        output: None,
        diff_base: None,
        no_cache: false,
        timings: false,
    };
    let (plan, _) = super::scan::plan(&scan_args, state_dir)?;
    // Anything written from here on was written after the scan read it.
    let started = std::time::SystemTime::now();
    let finished = sentra_app::scan::run(plan, &sentra_app::scan::Controls::default(), None)?;
    let plans = sentra_app::fix::plan(&args.path, &finished.result.findings, started, &args.rules);
    let failed = if args.apply { sentra_app::fix::write(&args.path, &plans).1 } else { Vec::new() };
    report(&args, &plans)?;
    for f in &failed {
        writeln!(anstream::stderr(), "sentra: {}: could not write the fixes: {}", f.path, f.error)?;
    }
    if !failed.is_empty() {
        return Ok(2);
    }
    let fixes: usize = plans.iter().map(|p| p.applied.len()).sum();
    Ok(u8::from(!args.apply && fixes > 0))
}

fn report(args: &FixArgs, plans: &[FilePlan]) -> Result<()> {
    let fixes: usize = plans.iter().map(|p| p.applied.len()).sum();
    let files = plans.iter().filter(|p| !p.applied.is_empty()).count();
    let mut out = anstream::stdout();
    if args.format == Format::Json {
        let files: Vec<serde_json::Value> =
            plans.iter().map(|p| serde_json::json!({"path": p.path, "fixes": p.applied, "skipped": p.skipped, "diff": p.diff()})).collect();
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({"applied": args.apply, "fixes": fixes, "files": files}))?;
        writeln!(out)?;
        return Ok(());
    }
    for p in plans.iter().filter(|p| !p.applied.is_empty()) {
        out.write_all(p.diff().as_bytes())?;
    }
    let mut err = anstream::stderr();
    for p in plans {
        for s in &p.skipped {
            let why = match &s.skip {
                Skip::Overlaps { with_rule } => format!("overlaps a fix of {with_rule}; run `sentra fix` again"),
                Skip::OutOfRange => "the file does not hold what the scan read there".to_string(),
                Skip::TooLarge => format!("the file's fixes would add more than {} bytes", sentra_app::fix::MAX_REPLACEMENT_BYTES),
                Skip::ChangedSinceScan => "the file changed after the scan started".to_string(),
                Skip::Unreadable { why } => format!("the file is {why}"),
            };
            writeln!(err, "sentra: skipped the fix of {} at {}:{}: {why}", s.rule_id, p.path, s.line)?;
        }
    }
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (fixes, args.apply) {
        (0, _) => writeln!(err, "sentra: nothing to fix")?,
        (_, true) => writeln!(err, "sentra: applied {} in {}", count(fixes, "fix", "fixes"), count(files, "file", "files"))?,
        (_, false) => writeln!(err, "sentra: {} in {} (dry run); pass --apply to write them", count(fixes, "fix", "fixes"), count(files, "file", "files"))?,
    }
    Ok(())
}
