//! The sentra pack SDK: what a Rust pack author depends on.
//!
//! A pack is a table of [`Rule`]s plus, optionally, hand-written checks. Regex rules are
//! matched by the host natively (the SDK compiles every pattern once per instance through
//! the host's `compile` capability); checks are plain Rust run inside the sandbox.
//!
//! ```ignore
//! use sentra_sdk::*;
//!
//! struct MyPack;
//! impl Pack for MyPack {
//!     fn info() -> PackMeta { PackMeta::new("my-pack", "My pack").license("MIT") }
//!     fn rules() -> Vec<Rule> {
//!         vec![Rule::regex("MY-001", "No eval", r"\beval\(").literals(["eval("]).severity(Severity::High)]
//!     }
//! }
//! sentra_sdk::export_pack!(MyPack);
//! ```

#[doc(hidden)]
pub mod bindings {
    wit_bindgen::generate!({
        path: "../wit/pack.wit",
        world: "engine-pack",
        pub_export_macro: true,
        export_macro_name: "__export_pack_raw",
        default_bindings_module: "sentra_sdk::bindings",
    });
}

mod flow;
mod query;
mod rule;
#[doc(hidden)]
pub mod runtime;

pub use bindings::sentra::pack::host::{LogLevel, RegexMatch};
pub use bindings::sentra::pack::types::{Conditions, Fix, Severity};
pub use rule::{PackMeta, Rule};
pub use runtime::{File, Findings, Project, config};

/// The host's native regex capability, for packs that match patterns themselves
/// (regex rules made with [`Rule::regex`] need none of this).
pub mod host {
    pub use crate::bindings::sentra::pack::host::{FindResult, Matcher, PatternError, RegexMatch, compile};
}

/// The host's syntax trees (pack API 0.2), for hand-written checks: compile a tree-sitter
/// query, run it on a file of the current call, walk from a captured node to its parent
/// and children (handles are valid during the call only). Rules made with [`Rule::query`]
/// need none of this.
pub mod syntax {
    pub use crate::bindings::sentra::pack::host::{
        Capture, Node, QueryMatch, QueryResult, SyntaxError, SyntaxQuery, compile_query, node_children, node_parent,
    };
    pub use crate::query::{render_message, report_captures};
}

/// The host's data-flow rules (pack API 0.2): compile sources, sinks, sanitizers and
/// propagators for a language, then ask for the flows in a file of the current call and
/// report them with [`taint::report_flows`].
pub mod taint {
    pub use crate::bindings::sentra::pack::host::{FlowStep, TaintFlow, TaintPattern, TaintRule, TaintSpec, compile_taint};
    pub use crate::flow::{flow_message, report_flows};
}

/// Logs a message to the host's log, tagged with the pack id.
pub fn log(level: LogLevel, message: &str) {
    bindings::sentra::pack::host::log(level, message);
}

/// A pack: metadata, a rule table and optional hand-written checks.
pub trait Pack: 'static {
    /// Receives the host's settings for this pack, before `info` and `rules` are asked
    /// for. Only packs that take settings (the declarative engine takes its pack
    /// document) override this; the default refuses anything but empty settings.
    fn configure(settings: &str) -> Result<(), Vec<String>> {
        if settings.trim().is_empty() { Ok(()) } else { Err(vec!["this pack takes no settings".into()]) }
    }
    /// Pack metadata.
    fn info() -> PackMeta;
    /// The rule table. Called once per instance.
    fn rules() -> Vec<Rule>;
    /// Runs hand-written check `rule` (a rule made with [`Rule::check`]) on one file.
    fn check(_rule: &Rule, _file: &File<'_>, _out: &mut Findings) {}
    /// Whether a host match of regex rule `rule` is a finding. The default keeps every
    /// match; a pack overrides it to drop what a pattern cannot tell apart (a placeholder
    /// value, a key header without a key).
    fn keep_match(_rule: &Rule, _file: &File<'_>, _m: &RegexMatch) -> bool {
        true
    }
    /// Project-level findings for `rule` (a rule made with [`Rule::project`]).
    fn check_project(_rule: &Rule, _project: &Project, _out: &mut Findings) {}
}

/// Exports a [`Pack`] implementation as the component's `scanner` interface, and as its
/// `engine` interface, through which the host may run several configurations of the pack
/// in one instance (each call names its configuration; see [`config`]).
#[macro_export]
macro_rules! export_pack {
    ($pack:ty) => {
        #[doc(hidden)]
        struct __SentraExport;
        impl $crate::bindings::exports::sentra::pack::scanner::Guest for __SentraExport {
            fn configure(settings: ::std::string::String) -> ::std::result::Result<(), ::std::vec::Vec<::std::string::String>> {
                $crate::runtime::configure::<$pack>(&settings)
            }
            fn describe() -> $crate::bindings::sentra::pack::types::PackInfo {
                $crate::runtime::select(0);
                $crate::runtime::describe::<$pack>()
            }
            fn scan(
                files: ::std::vec::Vec<$crate::bindings::sentra::pack::types::SourceFile>,
            ) -> $crate::bindings::sentra::pack::types::ScanOutput {
                $crate::runtime::select(0);
                $crate::runtime::scan::<$pack>(files)
            }
            fn scan_project(
                project: $crate::bindings::sentra::pack::types::Project,
            ) -> $crate::bindings::sentra::pack::types::ScanOutput {
                $crate::runtime::select(0);
                $crate::runtime::scan_project::<$pack>(project)
            }
        }
        impl $crate::bindings::exports::sentra::pack::engine::Guest for __SentraExport {
            fn add(settings: ::std::string::String) -> ::std::result::Result<u32, ::std::vec::Vec<::std::string::String>> {
                $crate::runtime::add::<$pack>(&settings)
            }
            fn describe(config: u32) -> $crate::bindings::sentra::pack::types::PackInfo {
                $crate::runtime::select(config);
                $crate::runtime::describe::<$pack>()
            }
            fn scan(
                config: u32,
                files: ::std::vec::Vec<$crate::bindings::sentra::pack::types::SourceFile>,
            ) -> $crate::bindings::sentra::pack::types::ScanOutput {
                $crate::runtime::select(config);
                $crate::runtime::scan::<$pack>(files)
            }
            fn scan_project(
                config: u32,
                project: $crate::bindings::sentra::pack::types::Project,
            ) -> $crate::bindings::sentra::pack::types::ScanOutput {
                $crate::runtime::select(config);
                $crate::runtime::scan_project::<$pack>(project)
            }
        }
        $crate::bindings::__export_pack_raw!(__SentraExport with_types_in $crate::bindings);
    };
}
