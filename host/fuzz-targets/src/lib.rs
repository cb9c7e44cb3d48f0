//! The fuzz targets' bodies, one function per input surface that takes untrusted bytes.
//!
//! `fuzz/` (cargo-fuzz, nightly) calls them with libFuzzer's inputs; `tests/regressions.rs`
//! calls them on stable with every input saved under `fuzz/regressions/<target>/`, so a
//! crash the fuzzer finds stays fixed. Each function must not panic on any input, and
//! checks what must hold of its output beyond that (renderers emit well-formed documents,
//! a validated pack stays valid when re-serialised).

use std::sync::OnceLock;

use sentra_engine::ScanResult;
use sentra_matcher::{MatchLimits, PatternSet};

/// A fuzz target: takes any bytes, panics only on a bug.
pub type Target = fn(&[u8]);

/// Every target by the name its cargo-fuzz binary and regression directory use.
pub const TARGETS: &[(&str, Target)] = &[
    ("pack_yaml", pack_yaml),
    ("config", config),
    ("inline_suppression", inline_suppression),
    ("glob", glob),
    ("component", component),
    ("renderers", renderers),
];

/// The pack YAML loader and validator, then the linter and the engine settings a valid
/// pack is handed to the declarative engine with.
pub fn pack_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = MatchLimits::default();
    if let Ok(pack) = sentra_engine::declarative::check_pack("fuzz.yaml", text, "fuzz", &limits) {
        let _ = sentra_engine::declarative::lint(&pack, &limits);
        let settings = sentra_engine::declarative::engine_settings(&pack);
        assert!(serde_json::from_str::<serde_json::Value>(&settings).is_ok(), "engine settings are not JSON: {settings}");
    }
}

/// The config file loader: YAML into the raw config, then into the checked one.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(raw) = sentra_engine::config::parse_yaml(text, "fuzz.yaml")
        && let Ok(config) = sentra_engine::Config::from_raw(raw, "fuzz.yaml")
    {
        let _ = config.for_tenant("fuzz").gate_policy();
    }
}

/// Inline `sentra-ignore` comments: the first byte picks the file type (comment syntax).
pub fn inline_suppression(data: &[u8]) {
    const PATHS: [&str; 8] = ["a.py", "a.rs", "a.js", "a.c", "a.sql", "a.html", "a.yaml", "Makefile"];
    let Some((&pick, rest)) = data.split_first() else { return };
    let path = PATHS[usize::from(pick) % PATHS.len()];
    let text = String::from_utf8_lossy(rest);
    let lines = text.lines().count() as u32;
    for ignore in sentra_engine::suppress::parse_inline(path, &text) {
        assert!(ignore.line >= 1 && ignore.line <= lines.max(1), "comment line {} outside 1..={lines}", ignore.line);
        for rule in &ignore.rules {
            let _ = sentra_engine::suppress::covers(&ignore, rule, ignore.line);
        }
    }
}

/// Glob compilation (config, pack `files`, suppressions) and pack glob expansion; the
/// second half of the input, split at the first NUL, is also compiled as a regex set.
pub fn glob(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (glob, regex) = text.split_once('\0').unwrap_or((&text, ""));
    if let Ok(g) = sentra_engine::config::compile_glob(glob) {
        let m = g.compile_matcher();
        let _ = m.is_match("src/main.rs");
    }
    if let Ok(expanded) = sentra_pack_format::expand_globs(glob) {
        assert!(expanded.len() <= sentra_pack_format::MAX_GLOB_EXPANSIONS);
        for g in expanded {
            let _ = sentra_engine::config::compile_glob(&g);
        }
    }
    if !regex.is_empty()
        && let Ok(set) = PatternSet::compile(&[regex], MatchLimits::default())
    {
        let text = sentra_matcher::Text::new(glob.as_bytes());
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        set.find_all(&text, &[0], &mut out, &mut errors);
    }
}

/// The Wasm component validator at import: parse, compile, check the imports and
/// exports against the pack interface. One engine serves every input.
pub fn component(data: &[u8]) {
    static RUNTIME: OnceLock<sentra_runtime::Runtime> = OnceLock::new();
    let runtime = RUNTIME.get_or_init(|| sentra_runtime::Runtime::new(sentra_runtime::RuntimeConfig { cache_dir: None }).expect("runtime"));
    let _ = runtime.load("fuzz", data, sentra_runtime::PackLimits::default());
}

/// Every report renderer fed a finding whose text fields come from the input (split at
/// NUL): JSON and SARIF must parse back, JUnit must be well-formed XML, and HTML must not
/// carry an injected tag through unescaped.
pub fn renderers(data: &[u8]) {
    static FIXTURE: OnceLock<ScanResult> = OnceLock::new();
    let fixture = FIXTURE.get_or_init(|| serde_json::from_str(include_str!("../../reports/tests/fixtures/scan.json")).expect("the reports fixture parses"));
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0').map(str::to_string);
    let mut next = || parts.next().unwrap_or_default();
    let mut result = fixture.clone();
    let f = &mut result.findings[0];
    f.message = next();
    f.evidence.file = next().into();
    f.evidence.snippet = next();
    f.rule_id = next().into();
    f.suggestion = next().into();
    f.clause = next().into();
    f.standard = next().into();
    f.tags = vec![next()].into();
    let rule_id = f.rule_id.clone();
    if let Some(rule) = result.rules.first_mut() {
        rule.id = rule_id.to_string();
        rule.name = next();
        rule.description = next();
    }
    let ctx = sentra_reports::ReportContext {
        tool_version: "0.0.0".into(),
        generated_at: jiff::Timestamp::UNIX_EPOCH,
        root: next(),
        hostname: "fuzz".into(),
        gate: None,
    };
    for format in sentra_reports::Format::ALL {
        let Ok(out) = sentra_reports::render(format, &result, &ctx) else { continue };
        match format {
            sentra_reports::Format::Json | sentra_reports::Format::Sarif => {
                if let Err(e) = serde_json::from_str::<serde_json::Value>(&out) {
                    panic!("{} output is not JSON: {e}", format.as_str());
                }
            }
            sentra_reports::Format::Junit => assert_well_formed_xml(&out),
            sentra_reports::Format::Html => {
                // The page has script tags of its own: the input must not add any, nor any
                // other element.
                let baseline = sentra_reports::render(format, fixture, &ctx).expect("the fixture renders");
                for tag in ["<script", "<img", "<iframe", "<svg", "<b>"] {
                    let count = |s: &str| s.to_ascii_lowercase().matches(tag).count();
                    assert_eq!(count(&out), count(&baseline), "the input added a `{tag}` element to the HTML report");
                }
            }
            sentra_reports::Format::Csv => {}
        }
    }
}

fn assert_well_formed_xml(xml: &str) {
    // XML 1.0 has no escape for most control characters: they must not appear at all.
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if let Some(c) = xml.chars().find(|&c| forbidden(c)) {
        panic!("JUnit output contains U+{:04X}, which XML 1.0 forbids", c as u32);
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("JUnit output is not well-formed XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "JUnit output leaves elements open");
}
