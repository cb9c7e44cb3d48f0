//! The OpenAPI document, generated from the handlers and their types, and the schemas the
//! derive macros cannot infer: the closed sets of strings (filters, formats,
//! actions) the handlers accept, so that the OpenAPI document says exactly what is valid
//! and API fuzzers (schemathesis) generate only what the server must accept.

use utoipa::openapi::Object;
use utoipa::openapi::schema::{ObjectBuilder, Type};

use crate::{ErrorBody, FieldError, approvals, audit, auth, compliance, devops, history, packs, rules, scan, settings};

fn one_of(values: &[&str]) -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values.iter().copied())).build()
}

pub(crate) fn severity() -> Object {
    one_of(&sentra_runtime::Severity::ALL.map(|s| s.as_str()))
}

pub(crate) fn approval_status_filter() -> Object {
    one_of(&["pending", "approved", "rejected", "expired", "all"])
}

/// `PATCH /api/approvals/{id}`: approving (`approve`, or sentrik's `approved`) needs a
/// comment with something other than spaces; rejecting (`reject`, `rejected`) does not.
pub(crate) fn resolution() -> utoipa::openapi::schema::OneOf {
    let comment = || ObjectBuilder::new().schema_type(Type::String);
    let decision = |actions: &[&str], comment: ObjectBuilder, required: bool| {
        let b = ObjectBuilder::new().property("action", one_of(actions)).required("action").property("comment", comment);
        let b = if required { b.required("comment") } else { b };
        b.additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false))).build()
    };
    utoipa::openapi::schema::OneOfBuilder::new()
        .item(decision(&["approve", "approved"], comment().pattern(Some(r"\S")).description(Some("Why it is approved (required).")), true))
        .item(decision(&["reject", "rejected"], comment().description(Some("Why it is rejected.")), false))
        .build()
}

/// `POST /api/devops/test-connection`: per provider, the settings it requires (`local`
/// takes none), or sentrik's `devops_provider` form with that provider's flat fields.
pub(crate) fn test_connection() -> utoipa::openapi::schema::OneOf {
    use utoipa::openapi::schema::AdditionalProperties;
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let closed = || Some(AdditionalProperties::<utoipa::openapi::schema::Schema>::FreeForm(false));
    let timeout =
        || ObjectBuilder::new().schema_type(nullable(Type::Integer)).minimum(Some(1)).maximum(Some(sentra_engine::devops::MAX_DEVOPS_TIMEOUT_SECS as f64));
    let variant = |provider: &str, settings: ObjectBuilder| {
        let b = ObjectBuilder::new().property("provider", one_of(&[provider])).required("provider");
        // A tracker needs its settings; `local` takes none.
        let b = if provider == "local" { b } else { b.required("settings") };
        b.property("settings", settings).property("timeout_secs", timeout()).additional_properties(closed()).build()
    };
    let fields = |required: &[&str], optional: &[&str]| {
        let mut b = ObjectBuilder::new().schema_type(Type::Object).additional_properties(closed());
        for f in required {
            b = b.property(*f, string()).required(*f);
        }
        for f in optional {
            b = b.property(*f, string());
        }
        b
    };
    let jira =
        fields(&["project_key"], &["issue_type", "label"]).property("api_version", ObjectBuilder::new().schema_type(Type::Integer).enum_values(Some([2, 3])));
    let sentrik = |providers: &[&str], flat: &[&str]| {
        let mut b = ObjectBuilder::new().property("devops_provider", one_of(providers)).required("devops_provider").property("timeout_secs", timeout());
        for f in flat {
            let s = if *f == "github_repo" { string().pattern(Some("^[^/]+/[^/]+$")) } else { string() };
            b = b.property(*f, s);
        }
        b.additional_properties(closed()).build()
    };
    utoipa::openapi::schema::OneOfBuilder::new()
        .item(variant("local", ObjectBuilder::new().schema_type(nullable(Type::Object)).max_properties(Some(0))))
        .item(variant("github", fields(&["owner", "repo"], &["label"])))
        .item(variant("azure", fields(&["organization", "project"], &["work_item_type", "active_state", "closed_state"])))
        .item(variant("jira", jira))
        .item(sentrik(&["stub", "local"], &[]))
        .item(sentrik(&["github"], &["github_repo"]))
        .item(sentrik(&["azure"], &["azure_devops_org", "azure_devops_project"]))
        .item(sentrik(&["jira"], &["jira_project"]))
        .description(Some("A provider and its settings, or sentrik's `devops_provider` with that provider's flat fields (the rest from the config)."))
        .build()
}

/// `POST /api/config`'s `updates`: an object with at least one key.
pub(crate) fn config_updates() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .min_properties(Some(1))
        .description(Some("Deep-merged into the settings; `null` removes a key. At least one key."))
        .build()
}

pub(crate) fn work_item_state() -> Object {
    one_of(&["active", "closed", "all"])
}

pub(crate) fn report_format() -> Object {
    one_of(&sentra_engine::config::REPORT_FORMATS)
}

pub(crate) fn compliance_format() -> Object {
    one_of(&["json", "html"])
}

/// An inline path as [`crate::scan::check_inline_path`] accepts it: `/`-separated
/// segments, none empty, `.` or `..`, and no `\\`, `:` or NUL anywhere.
pub(crate) const INLINE_PATH_PATTERN: &str = concat!(
    r"^(?:[^/\\:\x00.][^/\\:\x00]*|\.[^/\\:\x00.][^/\\:\x00]*|\.\.[^/\\:\x00]+)",
    r"(?:/(?:[^/\\:\x00.][^/\\:\x00]*|\.[^/\\:\x00.][^/\\:\x00]*|\.\.[^/\\:\x00]+))*$"
);

fn inline_path() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).pattern(Some(INLINE_PATH_PATTERN))
}

fn nullable(t: Type) -> utoipa::openapi::schema::SchemaType {
    utoipa::openapi::schema::SchemaType::from_iter([t, Type::Null])
}

/// `files`: inline paths to contents.
pub(crate) fn inline_files() -> Object {
    ObjectBuilder::new()
        .schema_type(nullable(Type::Object))
        .property_names(Some(inline_path()))
        .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some("Relative path to contents, scanned in memory (takes precedence over `repo_path`)."))
        .build()
}

/// `changed_files`: inline paths.
pub(crate) fn changed_files() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .schema_type(nullable(Type::Array))
        .items(inline_path())
        .description(Some("Only these relative paths (at most the server's inline-file limit)."))
        .build()
}

/// `scan_exclude` in a request: bounded globs ([`crate::scan::MAX_REQUEST_GLOBS`]).
pub(crate) fn scan_exclude() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .schema_type(nullable(Type::Array))
        .items(ObjectBuilder::new().schema_type(Type::String).max_length(Some(crate::scan::MAX_REQUEST_GLOB_BYTES)))
        .max_items(Some(crate::scan::MAX_REQUEST_GLOBS))
        .description(Some("Globs of paths to leave out (each must compile)."))
        .build()
}

/// The OpenAPI document, generated from the handlers and their types.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "sentra", description = "Compliance and security scanning with sandboxed WebAssembly rule packs."),
    paths(crate::health, crate::ready, scan::scan, scan::gate, scan::report, rules::rules, scan::scan_stream, crate::queue::enqueue, crate::queue::status, packs::list, packs::create, packs::import, packs::export,
        packs::get_overrides, packs::set_overrides, packs::enable, packs::disable, packs::delete, audit::audit_log, audit::audit_verify,
        history::findings, history::metrics, history::trends, history::license,
        history::list_suppressions, history::add_suppression, history::delete_suppression,
        settings::get_config, settings::post_config, settings::validate, settings::get_governance, settings::post_governance,
        crate::operator::get_config, crate::operator::post_config,
        approvals::list, approvals::create, approvals::get, approvals::status, approvals::resolve,
        devops::work_items, devops::reconcile_endpoint, devops::status, crate::tracker_test::test_connection, devops::check_coverage, devops::check_coverage_post, devops::generate_reqs, compliance::compliance),
    components(schemas(ErrorBody, FieldError)),
    modifiers(&SecurityAddon),
    tags((name = "core", description = "Scanning, gating and rules"), (name = "packs", description = "Packs at runtime, per tenant"), (name = "audit", description = "The hash-chained audit log"), (name = "findings", description = "Recorded scans: findings, metrics, trends"), (name = "config", description = "Settings: each tenant's own, and the operator's"), (name = "approvals", description = "Human review"), (name = "devops", description = "Work items and reconciliation"))
)]
pub struct ApiDoc;

/// Declares the API-key schemes and, on every protected operation (from
/// [`auth::ROUTES`]), the security requirement, the permission it needs and the
/// 401/403/429 answers.
pub(crate) struct SecurityAddon;

impl utoipa::Modify for SecurityAddon {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
        use utoipa::openapi::{RefOr, ResponseBuilder};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme("api_key", SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))));
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
        let error = |desc: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(desc)
                    .content("application/json", utoipa::openapi::ContentBuilder::new().schema(Some(utoipa::openapi::Ref::from_schema_name("Error"))).build())
                    .build(),
            )
        };
        for (path, item) in doc.paths.paths.iter_mut() {
            for (method, op) in
                [("GET", &mut item.get), ("POST", &mut item.post), ("DELETE", &mut item.delete), ("PUT", &mut item.put), ("PATCH", &mut item.patch)]
            {
                let Some(op) = op.as_mut() else { continue };
                // The answers the shared layers give any operation: a malformed path or
                // query (400), a body that fails validation (422) or is too large (413),
                // and a failure inside the server (500), all in the one error shape.
                let takes_input = op.parameters.as_ref().is_some_and(|p| !p.is_empty()) || op.request_body.is_some();
                let responses = &mut op.responses.responses;
                if takes_input {
                    responses.entry("400".into()).or_insert_with(|| error("Malformed request (path, query or body)"));
                    responses.entry("422".into()).or_insert_with(|| error("Validation failed: `errors` names each field"));
                }
                if op.request_body.is_some() {
                    responses.entry("413".into()).or_insert_with(|| error("The body exceeds the server's limit"));
                }
                if !path.starts_with("/health") {
                    responses.entry("500".into()).or_insert_with(|| error("Internal error"));
                }
                let Some(perm) = auth::route_permission(method, path) else { continue };
                op.security = Some(vec![SecurityRequirement::new("api_key", Vec::<String>::new()), SecurityRequirement::new("bearer", Vec::<String>::new())]);
                let note = format!("Requires permission `{}`.", perm.as_str());
                op.description = Some(match op.description.take().filter(|d| !d.trim().is_empty()) {
                    Some(d) => format!("{d}\n\n{note}"),
                    None => note,
                });
                op.responses.responses.insert("401".into(), error("Missing, invalid or revoked API key"));
                op.responses.responses.insert("403".into(), error("The key's role lacks the permission"));
                op.responses.responses.insert("429".into(), error("Rate limit exceeded (see Retry-After)"));
            }
        }
    }
}

/// The OpenAPI document as served at `/openapi.json` and committed as `schemas/openapi.json`.
pub fn openapi_json() -> String {
    use utoipa::OpenApi;
    let mut doc = ApiDoc::openapi();
    // The crate version, not the date of the build, so the committed copy stays stable.
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc.to_pretty_json().expect("the OpenAPI document serializes") + "\n"
}

pub(crate) async fn openapi_doc() -> ([(axum::http::HeaderName, &'static str); 1], String) {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], openapi_json())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_inline_path_pattern_says_what_the_handler_checks() {
        let pattern = regex::Regex::new(super::INLINE_PATH_PATTERN).unwrap();
        let samples = [
            "a.py", "src/a.py", ".env", "..x", "...", "a/.b/c", "a b/c.py", "é/ü.rs", "", "/abs", "a//b", "a/./b", "a/../b", "..", ".", "a/", "C:/x", "a:b",
            "a\\b", "a\0b", "x/..", "./a",
        ];
        for s in samples {
            assert_eq!(pattern.is_match(s), crate::scan::check_inline_path(s).is_ok(), "{s:?}");
        }
    }
}
