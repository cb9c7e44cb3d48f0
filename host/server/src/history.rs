//! What the server remembers about scans: every scan's summary and result, and the
//! views over them (`/api/findings`, `/api/metrics`, `/api/trends`), plus `/api/license`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use sentra_engine::{BySeverity, Finding};
use sentra_runtime::Severity;
use sentra_store::ScanSummary;
use serde::{Deserialize, Serialize};

use sentra_app::suppressions::{self, SuppressionError};

use crate::error::{ApiError, blocking, internal};
use crate::{AppState, ErrorBody, Principal};

pub use sentra_app::history::{new_scan, stored_suppressions};

/// Which scan a view reads: `scan_id`, or the latest complete scan (a whole repository;
/// inline-file and `changed_files` scans never are).
fn pick(id: Option<i64>) -> sentra_store::ScanPick<'static> {
    id.map_or(sentra_store::ScanPick::LatestComplete(None), sentra_store::ScanPick::Id)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindingsParams {
    #[param(schema_with = crate::openapi::severity)]
    pub severity: Option<String>,
    pub rule_id: Option<String>,
    /// A path, or a glob (`src/**`).
    pub file: Option<String>,
    /// 1 to 1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
    #[param(minimum = 0)]
    pub offset: Option<i64>,
    /// A recorded scan; default the latest complete scan (of a whole repository).
    #[param(minimum = 1)]
    pub scan_id: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FindingsResponse {
    pub scan_id: Option<i64>,
    pub findings: Vec<Finding>,
    /// Matching findings in all (the page is `findings`).
    pub total: usize,
    /// Of the matching findings.
    pub by_severity: BySeverity,
}

/// Findings of the latest scan (or `scan_id`), filtered; `total` and `by_severity` count
/// the same filtered set.
#[utoipa::path(get, path = "/api/findings", tag = "findings", params(FindingsParams),
    responses((status = 200, body = FindingsResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn findings(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<FindingsParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<FindingsResponse>, ApiError> {
    let q = crate::error::query(q)?;
    let limit = crate::error::range("limit", q.limit, 100, 1, 1000)? as usize;
    let offset = crate::error::range("offset", q.offset, 0, 0, i64::MAX)? as usize;
    let severity = match &q.severity {
        None => None,
        Some(s) => Some(
            Severity::parse(s)
                .ok_or_else(|| ApiError::invalid(&["query", "severity"], format!("`{s}` is not one of critical, high, medium, low, info"), "value_error"))?,
        ),
    };
    let file = match &q.file {
        None => None,
        Some(f) => Some(
            sentra_engine::config::compile_glob(f)
                .map_err(|e| ApiError::invalid(&["query", "file"], format!("bad glob `{f}`: {e}"), "value_error"))?
                .compile_matcher(),
        ),
    };
    blocking(move || {
        let Some(summary) = state.store.scan_summary(&p.tenant, pick(q.scan_id)).map_err(internal)? else {
            return match q.scan_id {
                Some(id) => Err(ApiError::new(axum::http::StatusCode::NOT_FOUND, "scan_not_found", format!("no scan {id}"))),
                None => Ok(Json(FindingsResponse { scan_id: None, findings: Vec::new(), total: 0, by_severity: BySeverity::count(std::iter::empty()) })),
            };
        };
        let in_file = |f: &str| file.as_ref().is_none_or(|g| g.is_match(f));
        let filter = sentra_store::FindingsFilter {
            severity,
            rule_id: q.rule_id.as_deref(),
            file: file.is_some().then_some(&in_file as &dyn Fn(&str) -> bool),
            offset,
            limit,
        };
        // Only the page is read whole: a scan of 50,000 findings answering `limit=1`
        // reads one (and the others' severity and file, to count them).
        let page = state.store.scan_findings(&p.tenant, summary.id, &filter).map_err(internal)?;
        let findings = page.findings.iter().map(|f| serde_json::from_str(f)).collect::<Result<Vec<Finding>, _>>().map_err(internal)?;
        Ok(Json(FindingsResponse { scan_id: Some(summary.id), findings, total: page.total, by_severity: page.by_severity }))
    })
    .await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FileCount {
    pub file: String,
    pub findings: usize,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MetricsResponse {
    /// The latest scan, if any.
    pub latest: Option<ScanSummary>,
    /// Files with the most findings (at most 20).
    pub top_files: Vec<FileCount>,
    /// The latest scan's compliance score (see `score_formula`).
    pub compliance_score: Option<f64>,
    pub score_formula: &'static str,
    pub scans_recorded: usize,
}

const SCORE_FORMULA: &str = "100 × (1 − Σ penalty ÷ rules run); a rule with findings costs by its worst one: critical 1, high 0.75, medium 0.5, low 0.25, info 0; obligations do not count";

/// The latest scan's summary, its findings by file and its compliance score.
#[utoipa::path(get, path = "/api/metrics", tag = "findings", responses((status = 200, body = MetricsResponse)))]
pub(crate) async fn metrics(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<MetricsResponse>, ApiError> {
    blocking(move || {
        let recorded = state.store.list_scans(&p.tenant, None, 100_000, false).map_err(internal)?.len();
        let Some(summary) = state.store.scan_summary(&p.tenant, pick(None)).map_err(internal)? else {
            return Ok(Json(MetricsResponse { latest: None, top_files: Vec::new(), compliance_score: None, score_formula: SCORE_FORMULA, scans_recorded: 0 }));
        };
        let top = state.store.top_files(&p.tenant, summary.id, 20).map_err(internal)?;
        let top = top.into_iter().map(|(file, findings)| FileCount { file, findings }).collect();
        Ok(Json(MetricsResponse {
            compliance_score: Some(summary.score),
            latest: Some(summary),
            top_files: top,
            score_formula: SCORE_FORMULA,
            scans_recorded: recorded,
        }))
    })
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrendsParams {
    /// Only the last this many days (1 to 3650, default 30).
    #[param(minimum = 1, maximum = 3650)]
    pub days: Option<i64>,
    /// At most this many runs (1 to 1000, default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DayTrend {
    /// YYYY-MM-DD (UTC).
    pub date: String,
    pub runs: usize,
    pub findings: usize,
    pub average_score: f64,
    pub gates_failed: usize,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TrendsResponse {
    /// Oldest first.
    pub runs: Vec<ScanSummary>,
    pub days: Vec<DayTrend>,
}

/// Recorded complete scans (whole repositories), oldest first, and per-day aggregates.
#[utoipa::path(get, path = "/api/trends", tag = "findings", params(TrendsParams),
    responses((status = 200, body = TrendsResponse), (status = 422, body = ErrorBody)))]
pub(crate) async fn trends(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    q: Result<Query<TrendsParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<TrendsResponse>, ApiError> {
    let q = crate::error::query(q)?;
    let days = crate::error::range("days", q.days, 30, 1, 3650)?;
    let limit = crate::error::range("limit", q.limit, 100, 1, 1000)? as usize;
    let since = jiff::Timestamp::now().checked_sub(jiff::SignedDuration::from_hours(24 * days)).map_err(internal)?.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    blocking(move || {
        let mut runs = state.store.list_scans(&p.tenant, Some(&since), limit, true).map_err(internal)?;
        runs.reverse();
        let mut grouped: BTreeMap<String, Vec<&ScanSummary>> = BTreeMap::new();
        for r in &runs {
            grouped.entry(r.started_at.chars().take(10).collect()).or_default().push(r);
        }
        let days = grouped
            .into_iter()
            .map(|(date, rs)| DayTrend {
                runs: rs.len(),
                findings: rs.iter().map(|r| r.total).sum(),
                average_score: (rs.iter().map(|r| r.score).sum::<f64>() / rs.len() as f64 * 10.0).round() / 10.0,
                gates_failed: rs.iter().filter(|r| r.gate_passed == Some(false)).count(),
                date,
            })
            .collect();
        Ok(Json(TrendsResponse { runs, days }))
    })
    .await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PackLicense {
    pub pack_id: String,
    pub license: String,
    pub sha256: String,
    /// `builtin` or `custom`.
    pub source: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LicenseResponse {
    /// sentra's own license (SPDX).
    pub license: &'static str,
    pub version: &'static str,
    pub packs: Vec<PackLicense>,
}

/// Under which terms the tenant's rules run: sentra's license and every loaded pack's.
#[utoipa::path(get, path = "/api/license", tag = "packs", responses((status = 200, body = LicenseResponse)))]
pub(crate) async fn license(State(state): State<Arc<AppState>>, axum::Extension(p): axum::Extension<Principal>) -> Result<Json<LicenseResponse>, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let mut packs: Vec<PackLicense> = state
            .base_packs(&loaded)?
            .iter()
            .map(|pack| PackLicense {
                pack_id: pack.info().id.clone(),
                license: pack.info().license.clone(),
                sha256: pack.sha256().to_string(),
                source: "builtin".into(),
            })
            .collect();
        let tenant = state.tenant_packs(&loaded, &p.tenant)?;
        for r in tenant.records.iter().filter(|r| r.custom) {
            packs.push(PackLicense { pack_id: r.pack_id.clone(), license: r.license.clone(), sha256: r.sha256.clone(), source: "custom".into() });
        }
        Ok(Json(LicenseResponse { license: env!("CARGO_PKG_LICENSE"), version: env!("CARGO_PKG_VERSION"), packs }))
    })
    .await
}

/// The tenant's API suppressions, checked, for a scan. Stored ones were checked on the way
/// in; one that no longer checks (edited in the database) is skipped with a warning.
pub(crate) fn api_suppressions(state: &AppState, tenant: &str) -> Result<Vec<sentra_engine::suppress::Suppression>, ApiError> {
    stored_suppressions(state.store.as_ref(), tenant).map_err(internal)
}

/// One suppression as `GET /api/suppressions` lists it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SuppressionView {
    /// The API suppression's id; config ones have none.
    pub id: Option<String>,
    /// `config` or `api`.
    pub source: String,
    pub rule_id: String,
    pub file_pattern: String,
    pub reason: String,
    pub expires: Option<String>,
    pub expired: bool,
    pub created_by: Option<String>,
    pub created_at: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SuppressionsResponse {
    pub suppressions: Vec<SuppressionView>,
    pub total: usize,
}

fn today() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// The config's and the tenant's API suppressions.
#[utoipa::path(get, path = "/api/suppressions", tag = "findings", responses((status = 200, body = SuppressionsResponse)))]
pub(crate) async fn list_suppressions(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
) -> Result<Json<SuppressionsResponse>, ApiError> {
    blocking(move || {
        let loaded = state.current()?;
        let view = state.tenant_config(&loaded, &p.tenant)?;
        let today = today();
        let mut out: Vec<SuppressionView> = view
            .config
            .suppressions
            .iter()
            .map(|s| SuppressionView {
                id: None,
                source: "config".into(),
                rule_id: s.rule_id.clone(),
                file_pattern: s.file_pattern.clone(),
                reason: s.reason.clone(),
                expires: s.expires.map(|d| d.to_string()),
                expired: s.expired(today),
                created_by: None,
                created_at: None,
            })
            .collect();
        for r in state.store.list_suppressions(&p.tenant).map_err(internal)? {
            let expired = r.expires.as_deref().and_then(sentra_engine::suppress::parse_date).is_some_and(|d| today > d);
            out.push(SuppressionView {
                id: Some(r.id),
                source: "api".into(),
                rule_id: r.rule_id,
                file_pattern: r.file_pattern,
                reason: r.reason,
                expires: r.expires,
                expired,
                created_by: Some(r.created_by),
                created_at: Some(r.created_at),
            });
        }
        Ok(Json(SuppressionsResponse { total: out.len(), suppressions: out }))
    })
    .await
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSuppression {
    /// A rule id, or a glob of them.
    #[schema(min_length = 1)]
    pub rule_id: String,
    /// A file glob (default every file).
    #[serde(default)]
    pub file_pattern: String,
    #[schema(pattern = "\\S")]
    pub reason: String,
    /// `YYYY-MM-DD`, the last day it applies.
    #[schema(format = Date)]
    pub expires: Option<String>,
}

impl NewSuppression {
    fn as_new(&self) -> suppressions::NewSuppression<'_> {
        suppressions::NewSuppression { rule_id: &self.rule_id, file_pattern: &self.file_pattern, reason: &self.reason, expires: self.expires.as_deref() }
    }
}

/// Suppresses findings for the caller's tenant. 201; the same rule and file pattern again:
/// 409; a `rule_id` that names no rule of the tenant's packs: 422.
#[utoipa::path(post, path = "/api/suppressions", tag = "findings", request_body = NewSuppression,
    responses((status = 201, body = SuppressionView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(crate) async fn add_suppression(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    body: crate::Body,
) -> Result<(axum::http::StatusCode, Json<SuppressionView>), ApiError> {
    let req: NewSuppression = crate::error::parse_required_body(body)?;
    suppressions::check(&req.as_new())?;
    blocking(move || {
        let known = state.known_packs(&*state.current()?, &p.tenant)?;
        suppressions::check_names(&req.as_new(), known.values().flatten().map(String::as_str))?;
        let stored = suppressions::add(state.store.as_ref(), &p.tenant, &sentra_app::Actor::from(&p), &req.as_new())?;
        let expired = stored.expires.as_deref().and_then(sentra_engine::suppress::parse_date).is_some_and(|d| today() > d);
        Ok((
            axum::http::StatusCode::CREATED,
            Json(SuppressionView {
                id: Some(stored.id),
                source: "api".into(),
                rule_id: stored.rule_id,
                file_pattern: stored.file_pattern,
                reason: stored.reason,
                expires: stored.expires,
                expired,
                created_by: Some(stored.created_by),
                created_at: Some(stored.created_at),
            }),
        ))
    })
    .await
}

/// Deletes one of the caller's tenant's suppressions: 204, or 404.
#[utoipa::path(delete, path = "/api/suppressions/{id}", tag = "findings", params(("id" = String, Path)),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody)))]
pub(crate) async fn delete_suppression(
    State(state): State<Arc<AppState>>,
    axum::Extension(p): axum::Extension<Principal>,
    crate::error::UrlPath(id): crate::error::UrlPath<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    blocking(move || {
        suppressions::delete(state.store.as_ref(), &p.tenant, &sentra_app::Actor::from(&p), &id)?;
        Ok(axum::http::StatusCode::NO_CONTENT)
    })
    .await
}

impl From<SuppressionError> for ApiError {
    fn from(e: SuppressionError) -> Self {
        let msg = e.to_string();
        match e {
            SuppressionError::Invalid { field, message } => ApiError::invalid(&["body", &field], message, "value_error"),
            SuppressionError::Duplicate { .. } => ApiError::new(axum::http::StatusCode::CONFLICT, "duplicate_suppression", msg),
            SuppressionError::NotFound(_) => ApiError::new(axum::http::StatusCode::NOT_FOUND, "suppression_not_found", msg),
            SuppressionError::Store(_) => ApiError::internal(msg),
        }
    }
}
