//! `sentra list-packs` and `sentra list-rules`: the built-in catalog.

use anyhow::Result;
use sentra_engine::Config;

use crate::args::{Format, ListArgs, ListRulesArgs, RulesFormat};
use crate::common::catalog;
use crate::output;

pub(crate) fn list_packs(args: ListArgs) -> Result<u8> {
    let set = catalog()?.load(&Config::default())?;
    output::list_packs(&mut anstream::stdout(), &set, args.format == Format::Json)?;
    Ok(0)
}

pub(crate) fn list_rules(args: ListRulesArgs) -> Result<u8> {
    let mut config = Config::default();
    if !args.packs.is_empty() {
        config.standards_packs = Some(args.packs.clone());
    }
    let set = catalog()?.load(&config)?;
    let mut out = anstream::stdout();
    match args.format {
        RulesFormat::Markdown => output::rules_markdown(&mut out, &set)?,
        f => output::list_rules(&mut out, &set, f == RulesFormat::Json)?,
    }
    Ok(0)
}
