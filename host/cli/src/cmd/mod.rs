//! One module per command.

pub(crate) mod approvals;
pub(crate) mod bundle;
pub(crate) mod compliance;
pub(crate) mod fix;
pub(crate) mod init;
pub(crate) mod keys;
pub(crate) mod list;
pub(crate) mod migrate;
pub(crate) mod pack;
pub(crate) mod report;
pub(crate) mod scan;
pub(crate) mod serve;
pub(crate) mod store;
