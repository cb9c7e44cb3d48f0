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

pub(crate) fn resolution_action() -> Object {
    // `approved` and `rejected`: sentrik's spellings, accepted for teams switching.
    one_of(&["approve", "reject", "approved", "rejected"])
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

/// The OpenAPI document, generated from the handlers and their types.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "sentra", description = "Compliance and security scanning with sandboxed WebAssembly rule packs."),
    paths(crate::health, crate::ready, scan::scan, scan::gate, scan::report, rules::rules, scan::scan_stream, packs::list, packs::create, packs::import, packs::export,
        packs::get_overrides, packs::set_overrides, packs::enable, packs::disable, packs::delete, audit::audit_log, audit::audit_verify,
        history::findings, history::metrics, history::trends, history::license,
        history::list_suppressions, history::add_suppression, history::delete_suppression,
        settings::get_config, settings::post_config, settings::validate, settings::get_governance, settings::post_governance,
        crate::operator::get_config, crate::operator::post_config,
        approvals::list, approvals::create, approvals::get, approvals::status, approvals::resolve,
        devops::work_items, devops::reconcile_endpoint, devops::status, devops::test_connection, devops::check_coverage, devops::check_coverage_post, devops::generate_reqs, compliance::compliance),
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
