//! `sentra init`: a config file with the packs that fit the tree.

use std::io::Write;

use anyhow::{Context, Result};
use sentra_engine::Config;

use crate::args::*;
use crate::common::*;

pub(crate) fn init_cmd(args: InitArgs) -> Result<u8> {
    let root = &args.path;
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let path = root.join(sentra_engine::config::CONFIG_FILES[0]);
    if path.exists() && !args.force {
        anyhow::bail!("{}: already exists (pass --force to replace it)", path.display());
    }
    if args.from_sentrik {
        return crate::cmd::migrate::from_sentrik(root, &path);
    }
    let config = Config::default();
    let cat = catalog()?;
    let d = sentra_engine::detect::detect(root, &config, &cat.ids());
    let today = jiff::Zoned::now().date().to_string();
    let text = sentra_engine::detect::init_config(&d, &today);
    sentra_engine::config_edit::write_atomic(&path, text.as_bytes()).with_context(|| format!("{}: cannot write", path.display()))?;
    let mut out = anstream::stdout();
    writeln!(out, "wrote {} with {} packs: {}", path.display(), d.packs.len(), d.pack_ids().join(", "))?;
    Ok(0)
}
