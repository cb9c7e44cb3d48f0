//! `sentra report`: a saved scan rendered in another format.

use anyhow::{Context, Result};

use crate::args::*;
use crate::common::*;

pub(crate) fn report_cmd(args: ReportArgs) -> Result<u8> {
    let input = &args.input;
    let text = std::fs::read_to_string(input).with_context(|| format!("{}: cannot read the saved scan", input.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON (expected `sentra scan --format json` output)", input.display()))?;
    // `sentra gate --format json` wraps the scan with the gate verdict.
    let (scan, gate) = match (value.get("scan"), value.get("gate")) {
        (Some(scan), Some(gate)) => (scan.clone(), Some(gate.clone())),
        _ => (value, None),
    };
    let scan: sentra_engine::ScanResult = serde_json::from_value(scan).with_context(|| format!("{}: not a sentra scan result", input.display()))?;
    let gate: Option<sentra_engine::GateResult> =
        gate.map(serde_json::from_value).transpose().with_context(|| format!("{}: `gate` is not a gate result", input.display()))?;
    let buf = match args.format {
        ScanFormat::Text => {
            let mut buf = Vec::new();
            crate::output::text_report(&mut buf, &scan, gate.as_ref())?;
            buf
        }
        ScanFormat::Json => sentra_reports::render(sentra_reports::Format::Json, &scan, &sentra_reports::ReportContext::now(".", gate))?.into_bytes(),
        other => {
            let ctx = sentra_reports::ReportContext::now(input.display().to_string(), gate);
            sentra_reports::render(other.report().expect("a report format"), &scan, &ctx)?.into_bytes()
        }
    };
    emit(args.output.as_deref(), &buf)?;
    Ok(0)
}
