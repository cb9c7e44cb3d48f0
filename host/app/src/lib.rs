//! sentra's use cases, written once for both faces. The CLI is arguments plus calls into
//! this crate, the HTTP server is parsing, authorization and error mapping around the same
//! calls; neither decides what a scan, a gate, an import or an approval does.
//!
//! - [`scan`]: a checked scan plan, run with cancellation, progress and cache, recorded;
//! - [`gate`]: the verdict with approvals applied, audited the same from both faces;
//! - [`fix`]: the fixes findings carry, applied to their files;
//! - [`packs`]: import, export, enable, disable, delete, a tenant's pack selection;
//! - [`approvals`]: requests and their typed deferred actions;
//! - [`git_clone`]: a queued scan's repository, cloned within the operator's policy;
//! - [`suppressions`], [`settings`] (the config file), [`governance`], [`history`], [`audit`], [`scan_cache`].

pub mod approvals;
pub mod attestations;
pub mod audit;
pub mod compliance;
pub mod fix;
pub mod gate;
pub mod git_clone;
pub mod governance;
pub mod history;
pub mod packs;
pub mod scan;
pub mod scan_cache;
pub mod settings;
pub mod suppressions;

pub use audit::{Actor, audit};

/// The tenant of single-tenant setups, and of the CLI acting on a state directory.
pub use sentra_model::DEFAULT_TENANT;
