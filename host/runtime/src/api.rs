//! The pack API versions this host supports, side by side, as Zed's extension host does:
//! one generated bindings module per frozen WIT (`wit/since_v*`), and one adapter from
//! each to the crate's own types. The `types` and `scanner` interfaces are the same in
//! every version, so one macro writes their adapter for each; what a version adds to the
//! host interface is implemented beside it, in terms of the version-neutral host code.

use wasmtime::Store;
use wasmtime::component::{InstancePre, Linker};

use crate::host::HostState;
use crate::types::{PackInfo, ScanOutput};

/// A pack API version the host supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApiVersion {
    V0_1,
    V0_2,
}

impl ApiVersion {
    /// Oldest first; the last is what the SDK builds against.
    pub const SUPPORTED: [ApiVersion; 2] = [ApiVersion::V0_1, ApiVersion::V0_2];
    pub const LATEST: ApiVersion = ApiVersion::V0_2;

    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V0_1 => "0.1.0",
            ApiVersion::V0_2 => "0.2.0",
        }
    }

    pub fn parse(version: &str) -> Option<Self> {
        Self::SUPPORTED.into_iter().find(|v| v.as_str() == version)
    }

    /// `0.1.0, 0.2.0`, for messages.
    pub fn supported_list() -> String {
        Self::SUPPORTED.iter().map(|v| format!("sentra:pack@{}", v.as_str())).collect::<Vec<_>>().join(", ")
    }
}

impl std::fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes, inside a version's module (next to its `bindings`), the adapter of the
/// interfaces every version shares: the scanner calls, the conversions of their results,
/// and the `matcher` resource.
macro_rules! shared_adapter {
    () => {
        use wasmtime::Store;
        use wasmtime::component::Resource;

        use crate::host::{HostState, MatcherRes};
        use crate::types::{Conditions, PackInfo, RawFinding, RuleError, RuleInfo, ScanOutput, Severity};
        pub use bindings::Pack;
        use bindings::sentra::pack::host as h;
        use bindings::sentra::pack::types as w;

        pub fn configure(b: &Pack, s: &mut Store<HostState>, settings: &str) -> wasmtime::Result<Result<(), Vec<String>>> {
            b.sentra_pack_scanner().call_configure(s, settings)
        }

        pub fn describe(b: &Pack, s: &mut Store<HostState>) -> wasmtime::Result<PackInfo> {
            b.sentra_pack_scanner().call_describe(s).map(pack_info)
        }

        pub fn scan(b: &Pack, s: &mut Store<HostState>, files: &[crate::FileInput<'_>], max_message: usize) -> wasmtime::Result<ScanOutput> {
            b.sentra_pack_scanner().call_scan(s, &source_files(files)).map(|o| scan_output(o, max_message))
        }

        /// The files of a `scan` call, lent to the guest; ids are their indices.
        fn source_files<'a>(files: &'a [crate::FileInput<'_>]) -> Vec<w::SourceFile<'a>> {
            files.iter().enumerate().map(|(i, f)| w::SourceFile { id: i as u32, path: f.path, contents: f.data.bytes(), rules: f.rules }).collect()
        }

        pub fn scan_project(b: &Pack, s: &mut Store<HostState>, files: &[&str], rules: &[u32], max_message: usize) -> wasmtime::Result<ScanOutput> {
            let project = w::Project { files, rules };
            b.sentra_pack_scanner().call_scan_project(s, project).map(|o| scan_output(o, max_message))
        }

        fn severity(s: w::Severity) -> Severity {
            match s {
                w::Severity::Critical => Severity::Critical,
                w::Severity::High => Severity::High,
                w::Severity::Medium => Severity::Medium,
                w::Severity::Low => Severity::Low,
                w::Severity::Info => Severity::Info,
            }
        }

        fn pack_info(p: w::PackInfo) -> PackInfo {
            let rules = p
                .rules
                .into_iter()
                .map(|r| RuleInfo {
                    id: r.id,
                    name: r.name,
                    description: r.description,
                    kind: r.kind,
                    severity: severity(r.severity),
                    file_globs: r.file_globs,
                    exclude_globs: r.exclude_globs,
                    standard: r.standard,
                    clause: r.clause,
                    category: r.category,
                    cwe: r.cwe,
                    tags: r.tags,
                    remediation: r.remediation,
                    references: r.references,
                    required_literals: r.required_literals,
                    pattern: r.pattern,
                    project_level: r.project_level,
                    applies_when: r.applies_when.map(|c| Conditions {
                        languages: c.languages,
                        has_files: c.has_files,
                        has_imports: c.has_imports,
                        has_dependencies: c.has_dependencies,
                        has_content: c.has_content,
                    }),
                    skipped: r.skipped,
                })
                .collect();
            PackInfo { id: p.id, name: p.name, version: p.version, description: p.description, license: p.license, rules }
        }

        fn scan_output(o: w::ScanOutput, max_message: usize) -> ScanOutput {
            let findings = o
                .findings
                .into_iter()
                .map(|f| {
                    let fix = f.fix.map(|x| (x.description, x.replacement));
                    crate::bounded_finding(
                        RawFinding {
                            rule_id: f.rule_id,
                            file: f.file,
                            line: f.line,
                            column: f.column,
                            end_line: f.end_line,
                            end_column: f.end_column,
                            message: f.message,
                            fix: None,
                            flow: Vec::new(),
                        },
                        fix,
                        max_message,
                    )
                })
                .collect();
            let errors = o.errors.into_iter().map(|e| RuleError { rule_id: e.rule_id, message: crate::truncate(e.message, max_message) }).collect();
            ScanOutput { findings, errors, overflows: Vec::new() }
        }

        fn pattern_error(e: crate::host::HostPatternError) -> h::PatternError {
            h::PatternError { pattern: e.pattern, message: e.message }
        }

        impl w::Host for HostState {}

        impl h::HostMatcher for HostState {
            fn find_all(&mut self, m: Resource<MatcherRes>, file: u32, patterns: Vec<u32>) -> Result<h::FindResult, h::PatternError> {
                let (matches, errors) = self.find_all_native(&m, file, &patterns).map_err(pattern_error)?;
                let matches = matches
                    .into_iter()
                    .map(|m| h::RegexMatch {
                        pattern: m.pattern,
                        start: m.start as u32,
                        end: m.end as u32,
                        line: m.line,
                        column: m.column,
                        end_line: m.end_line,
                        end_column: m.end_column,
                    })
                    .collect();
                Ok(h::FindResult { matches, errors: errors.into_iter().map(pattern_error).collect() })
            }

            fn is_match(&mut self, m: Resource<MatcherRes>, file: u32, pattern: u32) -> Result<bool, h::PatternError> {
                self.is_match_native(&m, file, pattern).map_err(pattern_error)
            }

            fn drop(&mut self, rep: Resource<MatcherRes>) -> wasmtime::Result<()> {
                self.drop_matcher(rep)
            }
        }

        fn log_level(level: h::LogLevel) -> crate::host::LogLevel {
            match level {
                h::LogLevel::Trace => crate::host::LogLevel::Trace,
                h::LogLevel::Debug => crate::host::LogLevel::Debug,
                h::LogLevel::Info => crate::host::LogLevel::Info,
                h::LogLevel::Warn => crate::host::LogLevel::Warn,
                h::LogLevel::Error => crate::host::LogLevel::Error,
            }
        }
    };
}

/// `sentra:pack@0.1.0`: regex matching and logging. Frozen.
pub mod v0_1 {
    mod bindings {
        wasmtime::component::bindgen!({
            path: "../../wit/since_v0.1.0",
            world: "pack",
            with: { "sentra:pack/host.matcher": crate::host::MatcherRes },
            // Parameters to guest calls borrow: a file's bytes are lent from the host's one
            // copy (memory-mapped or read once) and lowered straight into the guest.
            ownership: Borrowing { duplicate_if_necessary: true },
        });
    }
    shared_adapter!();
    pub use bindings::PackPre;

    impl h::Host for HostState {
        fn compile(&mut self, patterns: Vec<String>) -> Result<Resource<MatcherRes>, h::PatternError> {
            self.compile_native(patterns).map_err(pattern_error)
        }
        fn log(&mut self, level: h::LogLevel, message: String) {
            self.log_native(log_level(level), message);
        }
    }
}

/// `sentra:pack@0.2.0`: adds syntax queries. May still change until the issues of the
/// syntax series close; then it freezes and changes go to `0.3.0`.
pub mod v0_2 {
    mod bindings {
        wasmtime::component::bindgen!({
            path: "../../wit/since_v0.2.0",
            world: "pack",
            with: {
                "sentra:pack/host.matcher": crate::host::MatcherRes,
                "sentra:pack/host.syntax-query": crate::syntax::QueryRes,
                "sentra:pack/host.taint-rule": crate::taint::TaintRes,
            },
            ownership: Borrowing { duplicate_if_necessary: true },
        });
    }
    shared_adapter!();

    /// The optional `engine` export (several configurations in one instance), over the
    /// same types and host interface as `pack`.
    mod engine_bindings {
        wasmtime::component::bindgen!({
            path: "../../wit/since_v0.2.0",
            world: "engine-pack",
            with: {
                "sentra:pack/types": super::bindings::sentra::pack::types,
                "sentra:pack/host": super::bindings::sentra::pack::host,
            },
            ownership: Borrowing { duplicate_if_necessary: true },
        });
    }
    pub use bindings::PackIndices;
    pub use engine_bindings::exports::sentra::pack::engine::{Guest as Engine, GuestIndices as EngineIndices};

    pub fn engine_add(e: &Engine, s: &mut Store<HostState>, settings: &str) -> wasmtime::Result<Result<u32, Vec<String>>> {
        e.call_add(s, settings)
    }

    pub fn engine_describe(e: &Engine, s: &mut Store<HostState>, config: u32) -> wasmtime::Result<PackInfo> {
        e.call_describe(s, config).map(pack_info)
    }

    pub fn engine_scan(e: &Engine, s: &mut Store<HostState>, config: u32, files: &[crate::FileInput<'_>], max_message: usize) -> wasmtime::Result<ScanOutput> {
        e.call_scan(s, config, &source_files(files)).map(|o| scan_output(o, max_message))
    }

    pub fn engine_scan_project(
        e: &Engine,
        s: &mut Store<HostState>,
        config: u32,
        files: &[&str],
        rules: &[u32],
        max_message: usize,
    ) -> wasmtime::Result<ScanOutput> {
        e.call_scan_project(s, config, w::Project { files, rules }).map(|o| scan_output(o, max_message))
    }

    use crate::syntax::{NodeOut, QueryRes};
    use crate::taint::TaintRes;

    fn taint_patterns(list: Vec<h::TaintPattern>) -> Vec<sentra_taint::Pattern> {
        list.into_iter()
            .map(|p| match p {
                h::TaintPattern::Code(c) => sentra_taint::Pattern::Code(c),
                h::TaintPattern::Query(q) => sentra_taint::Pattern::Query(q),
            })
            .collect()
    }

    fn flow(f: sentra_taint::Flow) -> h::TaintFlow {
        let steps = f
            .steps
            .into_iter()
            .map(|s| h::FlowStep {
                start: s.start as u32,
                end: s.end as u32,
                line: s.line,
                column: s.column,
                end_line: s.end_line,
                end_column: s.end_column,
                label: s.label,
            })
            .collect();
        h::TaintFlow { steps }
    }

    impl h::HostTaintRule for HostState {
        fn flows(&mut self, r: Resource<TaintRes>, file: u32) -> Result<Vec<h::TaintFlow>, h::SyntaxError> {
            self.taint_flows_native(&r, file).map(|v| v.into_iter().map(flow).collect()).map_err(syntax_error)
        }

        fn drop(&mut self, rep: Resource<TaintRes>) -> wasmtime::Result<()> {
            self.drop_taint(rep)
        }
    }

    fn node(n: NodeOut) -> h::Node {
        let i = n.info;
        h::Node {
            handle: n.handle,
            kind: i.kind,
            named: i.named,
            start: i.start as u32,
            end: i.end as u32,
            line: i.line,
            column: i.column,
            end_line: i.end_line,
            end_column: i.end_column,
            text: i.text,
        }
    }

    fn syntax_error(message: String) -> h::SyntaxError {
        h::SyntaxError { message }
    }

    impl h::HostSyntaxQuery for HostState {
        fn capture_names(&mut self, q: Resource<QueryRes>) -> Vec<String> {
            self.query_capture_names(&q)
        }

        fn matches(&mut self, q: Resource<QueryRes>, file: u32, with_text: bool) -> Result<h::QueryResult, h::SyntaxError> {
            let (found, has_errors) = self.query_matches_native(&q, file, with_text).map_err(syntax_error)?;
            let matches = found
                .into_iter()
                .map(|(pattern, captures)| h::QueryMatch {
                    pattern,
                    captures: captures.into_iter().map(|(index, n)| h::Capture { index, node: node(n) }).collect(),
                })
                .collect();
            Ok(h::QueryResult { matches, has_errors })
        }

        fn drop(&mut self, rep: Resource<QueryRes>) -> wasmtime::Result<()> {
            self.drop_query(rep)
        }
    }

    impl h::Host for HostState {
        fn compile(&mut self, patterns: Vec<String>) -> Result<Resource<MatcherRes>, h::PatternError> {
            self.compile_native(patterns).map_err(pattern_error)
        }
        fn log(&mut self, level: h::LogLevel, message: String) {
            self.log_native(log_level(level), message);
        }
        fn compile_query(&mut self, language: String, source: String) -> Result<Resource<QueryRes>, h::SyntaxError> {
            self.compile_query_native(&language, &source).map_err(syntax_error)
        }
        fn compile_taint(&mut self, spec: h::TaintSpec) -> Result<Resource<TaintRes>, h::SyntaxError> {
            let spec = sentra_taint::TaintSpec {
                language: spec.language,
                sources: taint_patterns(spec.sources),
                sinks: taint_patterns(spec.sinks),
                sanitizers: taint_patterns(spec.sanitizers),
                propagators: taint_patterns(spec.propagators),
                unknown_calls_propagate: spec.unknown_calls_propagate,
            };
            self.compile_taint_native(&spec).map_err(syntax_error)
        }
        fn node_parent(&mut self, handle: u32, with_text: bool) -> Result<Option<h::Node>, h::SyntaxError> {
            self.node_parent_native(handle, with_text).map(|n| n.map(node)).map_err(syntax_error)
        }
        fn node_children(&mut self, handle: u32, named: bool, with_text: bool) -> Result<Vec<h::Node>, h::SyntaxError> {
            self.node_children_native(handle, named, with_text).map(|v| v.into_iter().map(node).collect()).map_err(syntax_error)
        }
    }
}

/// A component prepared for instantiation against its version's bindings.
pub enum Pre {
    V0_1(v0_1::PackPre<HostState>),
    /// With the indices of the optional `engine` export, when the component has it.
    V0_2(InstancePre<HostState>, v0_2::PackIndices, Option<v0_2::EngineIndices>),
}

/// A live instance's exports.
pub enum Bindings {
    V0_1(v0_1::Pack),
    V0_2(v0_2::Pack, Option<v0_2::Engine>),
}

/// Which of an instance's configurations a call is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The one `scanner.configure` set (or none): the `scanner` interface.
    Own,
    /// A configuration `engine.add` returned: the `engine` interface.
    Config(u32),
}

/// Every supported version's host interface, in one linker.
pub fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    use wasmtime::component::HasSelf;
    v0_1::Pack::add_to_linker::<HostState, HasSelf<HostState>>(linker, |s| s)?;
    v0_2::Pack::add_to_linker::<HostState, HasSelf<HostState>>(linker, |s| s)?;
    Ok(())
}

impl Pre {
    pub fn new(version: ApiVersion, pre: InstancePre<HostState>) -> wasmtime::Result<Self> {
        Ok(match version {
            ApiVersion::V0_1 => Pre::V0_1(v0_1::PackPre::new(pre)?),
            ApiVersion::V0_2 => {
                let pack = v0_2::PackIndices::new(&pre)?;
                let engine = v0_2::EngineIndices::new(&pre).ok();
                Pre::V0_2(pre, pack, engine)
            }
        })
    }

    pub fn version(&self) -> ApiVersion {
        match self {
            Pre::V0_1(_) => ApiVersion::V0_1,
            Pre::V0_2(..) => ApiVersion::V0_2,
        }
    }

    /// Whether the component exports `engine`: one instance can run several of its
    /// configurations.
    pub fn has_engine(&self) -> bool {
        matches!(self, Pre::V0_2(_, _, Some(_)))
    }

    pub fn instantiate(&self, store: &mut Store<HostState>) -> wasmtime::Result<Bindings> {
        Ok(match self {
            Pre::V0_1(p) => Bindings::V0_1(p.instantiate(store)?),
            Pre::V0_2(pre, pack, engine) => {
                let instance = pre.instantiate(&mut *store)?;
                let engine = engine.as_ref().map(|e| e.load(&mut *store, &instance)).transpose()?;
                Bindings::V0_2(pack.load(&mut *store, &instance)?, engine)
            }
        })
    }
}

/// One call, whatever the version: `$f` is the adapter function both versions have.
macro_rules! dispatch {
    ($b:expr, $f:ident($($arg:expr),*)) => {
        match $b {
            Bindings::V0_1(b) => v0_1::$f(b, $($arg),*),
            Bindings::V0_2(b, _) => v0_2::$f(b, $($arg),*),
        }
    };
}

/// One call for `target`: the `scanner` function `$own`, or the `engine` function `$engine`
/// with the configuration first.
macro_rules! dispatch_to {
    ($b:expr, $target:expr, $own:ident / $engine:ident($s:expr $(, $arg:expr)*)) => {
        match ($target, $b) {
            (Target::Own, _) => dispatch!($b, $own($s $(, $arg)*)),
            (Target::Config(c), Bindings::V0_2(_, Some(e))) => v0_2::$engine(e, $s, c $(, $arg)*),
            (Target::Config(_), _) => Err(wasmtime::format_err!("the component does not export the engine interface")),
        }
    };
}

impl Bindings {
    pub fn configure(&self, s: &mut Store<HostState>, settings: &str) -> wasmtime::Result<Result<(), Vec<String>>> {
        dispatch!(self, configure(s, settings))
    }
    /// `engine.add`: a new configuration's handle.
    pub fn add(&self, s: &mut Store<HostState>, settings: &str) -> wasmtime::Result<Result<u32, Vec<String>>> {
        match self {
            Bindings::V0_2(_, Some(e)) => v0_2::engine_add(e, s, settings),
            _ => Err(wasmtime::format_err!("the component does not export the engine interface")),
        }
    }
    pub fn describe(&self, s: &mut Store<HostState>, target: Target) -> wasmtime::Result<PackInfo> {
        dispatch_to!(self, target, describe / engine_describe(s))
    }
    pub fn scan(&self, s: &mut Store<HostState>, target: Target, files: &[crate::FileInput<'_>], max_message: usize) -> wasmtime::Result<ScanOutput> {
        dispatch_to!(self, target, scan / engine_scan(s, files, max_message))
    }
    pub fn scan_project(&self, s: &mut Store<HostState>, target: Target, files: &[&str], rules: &[u32], max_message: usize) -> wasmtime::Result<ScanOutput> {
        dispatch_to!(self, target, scan_project / engine_scan_project(s, files, rules, max_message))
    }
}
