//! `GET /api/compliance/{pack_id}`: scans with one pack and answers its framework clause by
//! clause (JSON, or the HTML page with `?format=html`).

use std::sync::Arc;

use crate::error::UrlPath;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderName, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::ApiError;
use crate::{AppState, ConfigOverrides, ErrorBody, Principal, ScanRequest};
use sentra_app::compliance::{Build, Format};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplianceParams {
    /// Directory to scan, relative to the server root (default: the root).
    pub repo_path: Option<String>,
    /// `json` (default) or `html`.
    #[param(schema_with = crate::openapi::compliance_format)]
    pub format: Option<String>,
}

/// Runs one pack and reports its clauses: the rules mapped to each, their status (failing
/// with every location, not assessed with why, obligation open, passing with what was read,
/// not applicable), where the report came from, and a digest (`x-content-sha256`, also
/// recorded in the audit log) of the body.
#[utoipa::path(get, path = "/api/compliance/{pack_id}", tag = "core", params(("pack_id" = String, Path, description = "A built-in or tenant pack", pattern = "^[a-z0-9][a-z0-9-]{0,63}$"), ComplianceParams),
    responses((status = 200, description = "JSON, or an HTML page with format=html",
            content((sentra_engine::compliance::ComplianceReport = "application/json"), (String = "text/html"))),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody, description = "No such pack, or `repo_path` does not exist"), (status = 409, body = ErrorBody, description = "The pack is disabled for this tenant or failed to load"), (status = 422, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub(crate) async fn compliance(
    State(state): State<Arc<AppState>>,
    Extension(p): Extension<Principal>,
    UrlPath(pack_id): UrlPath<String>,
    q: Result<Query<ComplianceParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let q = crate::error::query(q)?;
    let format = match q.format.as_deref().unwrap_or("json") {
        "json" => Format::Json,
        "html" => Format::Html,
        other => return Err(ApiError::invalid(&["query", "format"], format!("`{other}` is not json or html"), "value_error")),
    };
    let (loaded, tenant_packs) = crate::scan::current_for(&state, &p.tenant).await?;
    let known = state.catalog.ids().into_iter().chain(tenant_packs.records.iter().map(|r| r.pack_id.clone())).any(|id| id == pack_id);
    if !known {
        return Err(ApiError::invalid(&["path", "pack_id"], format!("no pack `{pack_id}` (see GET /api/packs)"), "value_error"));
    }
    let workspace = {
        let (st, l, tenant) = (state.clone(), loaded.clone(), p.tenant.clone());
        crate::error::blocking(move || st.workspace(&l, &tenant)).await?
    };
    let root = crate::scan::resolve_repo(&workspace, q.repo_path.as_deref())?;
    let target = q.repo_path.clone().unwrap_or_else(|| ".".into());
    // The packs whose findings the report cites (`evidence_from`) run in the same scan.
    let scan_packs = {
        let (st, l, tenant, id) = (state.clone(), loaded.clone(), p.tenant.clone(), pack_id.clone());
        let available: Vec<String> = state.catalog.ids().into_iter().chain(tenant_packs.records.iter().map(|r| r.pack_id.clone())).collect();
        crate::error::blocking(move || {
            let mut config = st.tenant_config(&l, &tenant)?.config.clone();
            config.standards_packs = Some(vec![id.clone()]);
            Ok(sentra_app::compliance::scan_packs(&*st.tenant_pack_set(&l, &tenant, &config, true)?, &id, &available))
        })
        .await?
    };
    let req = ScanRequest {
        repo_path: q.repo_path.clone(),
        config_overrides: Some(ConfigOverrides { standards_packs: Some(scan_packs), ..Default::default() }),
        ..Default::default()
    };
    let (result, config) = crate::scan::run_scan(state.clone(), &p.tenant, req).await?;
    let st = state.clone();
    let rendered = crate::error::blocking(move || {
        let set = st.tenant_pack_set(&loaded, &p.tenant, &config, true)?;
        let (actor, run_by) = (sentra_app::Actor::from(&p), format!("key:{} ({})", p.key_id, p.name));
        let build = Build {
            pack_id: &pack_id,
            set: &set,
            result: &result,
            root: &root,
            config: &config,
            target: &target,
            store: Some(st.store.as_ref()),
            tenant: &p.tenant,
            run_by: &run_by,
        };
        // Known but not in the scan's set: disabled for the tenant, or its stored copy no
        // longer loads. Neither is a server fault.
        let report = sentra_app::compliance::build(&build).map_err(crate::error::internal)?.ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::CONFLICT,
                "pack_unavailable",
                format!("pack `{pack_id}` did not run: it is disabled for this tenant or failed to load (see GET /api/packs)"),
            )
        })?;
        // The digest goes into the tenant's audit chain and a response header, so an
        // auditor can check that a copy was not edited.
        let rendered = sentra_app::compliance::render(&report, format);
        sentra_app::compliance::record(st.store.as_ref(), &p.tenant, &actor, &report, format, &rendered);
        Ok(rendered)
    })
    .await?;
    let digest = rendered.sha256;
    let (content_type, body) = (format.content_type(), rendered.body);
    Ok(([(header::CONTENT_TYPE, content_type.to_string()), (HeaderName::from_static("x-content-sha256"), digest)], body).into_response())
}
