//! Schemas the derive macros cannot infer: the closed sets of strings (filters, formats,
//! actions) the handlers accept, so that the OpenAPI document says exactly what is valid
//! and API fuzzers (schemathesis) generate only what the server must accept.

use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::Object;

fn one_of(values: &[&str]) -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values.iter().copied())).build()
}

pub(crate) fn severity() -> Object {
    one_of(&sentra_runtime::Severity::ALL.map(|s| s.as_str()))
}

pub(crate) fn approval_status_filter() -> Object {
    one_of(&["pending", "approved", "rejected", "expired", "all"])
}

pub(crate) fn resolution_action() -> Object {
    one_of(&["approve", "reject"])
}

pub(crate) fn work_item_state() -> Object {
    one_of(&["active", "closed", "all"])
}

pub(crate) fn provider() -> Object {
    one_of(&sentra_engine::devops::PROVIDERS)
}

pub(crate) fn report_format() -> Object {
    one_of(&sentra_engine::config::REPORT_FORMATS)
}

pub(crate) fn compliance_format() -> Object {
    one_of(&["json", "html"])
}
