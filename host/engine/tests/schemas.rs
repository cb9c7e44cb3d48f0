//! Generated artifacts are committed; these tests fail when they go stale.
//! Regenerate with `SENTRA_BLESS=1 cargo test -p sentra-engine --test schemas`.

use std::path::Path;

fn check(rel: &str, value: serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel);
    let fresh = serde_json::to_string_pretty(&value).unwrap() + "\n";
    if std::env::var_os("SENTRA_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == fresh, "{rel} is stale: run `SENTRA_BLESS=1 cargo test -p sentra-engine --test schemas` and commit it");
}

#[test]
fn config_schema_is_fresh() {
    check("schemas/config.schema.json", sentra_engine::config::json_schema());
}

#[test]
fn scan_result_schema_is_fresh() {
    check("schemas/scan-result.schema.json", serde_json::to_value(schemars::schema_for!(sentra_engine::ScanResult)).unwrap());
}

#[test]
fn pack_schema_is_fresh() {
    check("schemas/pack.schema.json", sentra_pack_format::validate::schema::json_schema());
}
