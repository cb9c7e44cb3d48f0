//! Who is calling and what they may do.
//!
//! A key arrives as `X-API-Key` or `Authorization: Bearer`. It is checked against the
//! store on every request (so keys created or revoked by `sentra keys` while the server
//! runs take effect at once) or against `GUARD_API_KEY`. Each key has a role; the one
//! permission table, [`ROLE_PERMISSIONS`], says what each role may do, and [`ROUTES`]
//! says which permission each endpoint needs. With no key configured the server is open
//! only when bound to loopback. Every authenticated request counts against a per-key
//! (or, without a key, per-IP) rate limit.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sentra_store::{Role, Storage};
use serde::Serialize;

use crate::AppState;
use crate::error::ApiError;

/// Requests per minute one key (or one IP without a key) may make; `--rate-limit` or
/// `GUARD_RATE_LIMIT` override it, 0 turns the limit off.
pub const DEFAULT_RATE_LIMIT_PER_MINUTE: u32 = 600;
/// Header carrying the key (the bearer token works too).
pub const API_KEY_HEADER: &str = "x-api-key";
/// The tenant of keys created without `--tenant`, of `GUARD_API_KEY` and of open mode.
pub use sentra_app::DEFAULT_TENANT;

/// What an endpoint may require.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
pub enum Permission {
    #[serde(rename = "scan")]
    Scan,
    #[serde(rename = "gate")]
    Gate,
    #[serde(rename = "reconcile")]
    Reconcile,
    #[serde(rename = "findings:read")]
    FindingsRead,
    #[serde(rename = "findings:write")]
    FindingsWrite,
    #[serde(rename = "audit:read")]
    AuditRead,
    #[serde(rename = "packs:read")]
    PacksRead,
    #[serde(rename = "packs:write")]
    PacksWrite,
    #[serde(rename = "config:read")]
    ConfigRead,
    #[serde(rename = "config:write")]
    ConfigWrite,
    #[serde(rename = "approvals:review")]
    ApprovalReview,
    #[serde(rename = "approvals:request")]
    ApprovalRequest,
    #[serde(rename = "keys:manage")]
    KeysManage,
    /// The operator's settings: only the `operator` role has it, no tenant role.
    #[serde(rename = "operator:config")]
    OperatorConfig,
}

impl Permission {
    /// Every tenant permission (what `admin` has); the operator's is not among them.
    pub const ALL: [Permission; 13] = [
        Permission::Scan,
        Permission::Gate,
        Permission::Reconcile,
        Permission::FindingsRead,
        Permission::FindingsWrite,
        Permission::AuditRead,
        Permission::PacksRead,
        Permission::PacksWrite,
        Permission::ConfigRead,
        Permission::ConfigWrite,
        Permission::ApprovalReview,
        Permission::ApprovalRequest,
        Permission::KeysManage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Scan => "scan",
            Permission::Gate => "gate",
            Permission::Reconcile => "reconcile",
            Permission::FindingsRead => "findings:read",
            Permission::FindingsWrite => "findings:write",
            Permission::AuditRead => "audit:read",
            Permission::PacksRead => "packs:read",
            Permission::PacksWrite => "packs:write",
            Permission::ConfigRead => "config:read",
            Permission::ConfigWrite => "config:write",
            Permission::ApprovalReview => "approvals:review",
            Permission::ApprovalRequest => "approvals:request",
            Permission::KeysManage => "keys:manage",
            Permission::OperatorConfig => "operator:config",
        }
    }
}

use Permission as P;

/// The permission table: what each role may do. `admin` may do everything.
pub const ROLE_PERMISSIONS: [(Role, &[Permission]); 6] = [
    (Role::Admin, &Permission::ALL),
    (Role::SecurityLead, &[P::Scan, P::Gate, P::Reconcile, P::FindingsRead, P::FindingsWrite, P::AuditRead, P::PacksRead, P::ConfigRead, P::ApprovalReview]),
    (Role::Developer, &[P::Scan, P::Gate, P::FindingsRead, P::PacksRead]),
    (Role::Viewer, &[P::FindingsRead, P::AuditRead, P::PacksRead]),
    (Role::Agent, &[P::Scan, P::Gate, P::FindingsRead, P::ApprovalRequest]),
    (Role::Operator, &[P::OperatorConfig]),
];

/// Whether `role` has `perm`.
pub fn allows(role: Role, perm: Permission) -> bool {
    ROLE_PERMISSIONS.iter().any(|(r, perms)| *r == role && perms.contains(&perm))
}

/// Which permission each protected endpoint needs, by (method, path). The router is built
/// from this table and the OpenAPI document describes it, so the two cannot disagree.
pub const ROUTES: &[(&str, &str, Permission)] = &[
    ("POST", "/scan", P::Scan),
    ("POST", "/gate", P::Gate),
    ("POST", "/report", P::Scan),
    ("GET", "/rules", P::PacksRead),
    ("POST", "/api/run-scan-stream", P::Scan),
    ("POST", "/api/scans", P::Scan),
    ("GET", "/api/scans/{id}", P::Scan),
    ("GET", "/api/config", P::ConfigRead),
    ("POST", "/api/config", P::ConfigWrite),
    ("GET", "/api/config/validate", P::ConfigRead),
    ("GET", "/api/governance", P::ConfigRead),
    ("POST", "/api/governance", P::ConfigWrite),
    ("GET", "/api/operator/config", P::OperatorConfig),
    ("POST", "/api/operator/config", P::OperatorConfig),
    ("GET", "/api/findings", P::FindingsRead),
    ("GET", "/api/metrics", P::FindingsRead),
    ("GET", "/api/suppressions", P::FindingsRead),
    ("POST", "/api/suppressions", P::FindingsWrite),
    ("DELETE", "/api/suppressions/{id}", P::FindingsWrite),
    ("GET", "/api/trends", P::FindingsRead),
    ("GET", "/api/license", P::PacksRead),
    ("GET", "/api/work-items", P::FindingsRead),
    ("POST", "/api/reconcile", P::Reconcile),
    ("GET", "/api/devops/status", P::FindingsRead),
    ("GET", "/api/check-coverage", P::FindingsRead),
    ("POST", "/api/check-coverage", P::FindingsRead),
    ("POST", "/api/generate-reqs", P::Reconcile),
    ("GET", "/api/compliance/{pack_id}", P::Scan),
    ("POST", "/api/devops/test-connection", P::Reconcile),
    ("GET", "/api/approvals", P::FindingsRead),
    ("POST", "/api/approvals", P::ApprovalRequest),
    ("GET", "/api/approvals/{id}", P::FindingsRead),
    ("GET", "/api/approvals/{id}/status", P::FindingsRead),
    ("PATCH", "/api/approvals/{id}", P::ApprovalReview),
    ("GET", "/api/audit", P::AuditRead),
    ("GET", "/api/audit/verify", P::AuditRead),
    ("GET", "/api/packs", P::PacksRead),
    ("POST", "/api/packs", P::PacksWrite),
    ("POST", "/api/packs/import", P::PacksWrite),
    ("DELETE", "/api/packs/{id}", P::PacksWrite),
    ("GET", "/api/packs/{id}/export", P::PacksRead),
    ("GET", "/api/packs/{id}/overrides", P::PacksRead),
    ("POST", "/api/packs/{id}/overrides", P::PacksWrite),
    ("POST", "/api/packs/{id}/enable", P::PacksWrite),
    ("POST", "/api/packs/{id}/disable", P::PacksWrite),
];

/// The permission `method path` needs.
pub fn route_permission(method: &str, path: &str) -> Option<Permission> {
    ROUTES.iter().find(|(m, p, _)| *m == method && *p == path).map(|(_, _, perm)| *perm)
}

/// The caller of a request, available to handlers as an extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The key id (`env` for `GUARD_API_KEY`, `none` in open mode).
    pub key_id: String,
    pub name: String,
    pub role: Role,
    pub tenant: String,
}

impl From<&Principal> for sentra_app::Actor {
    fn from(p: &Principal) -> Self {
        Self { name: p.name.clone(), role: p.role.to_string() }
    }
}

/// Authentication settings of a running server.
pub struct Auth {
    pub(crate) store: Arc<dyn Storage>,
    /// SHA-256 of `GUARD_API_KEY`.
    env_key_hash: Option<String>,
    /// Bound to loopback only: with no key configured, requests are let through.
    loopback: bool,
    limiter: Option<DefaultKeyedRateLimiter<String>>,
}

impl Auth {
    pub fn new(store: Arc<dyn Storage>, env_key: Option<&str>, loopback: bool, rate_limit_per_minute: u32) -> Self {
        Self {
            store,
            env_key_hash: env_key.filter(|k| !k.is_empty()).map(sentra_store::keys::hash_secret),
            loopback,
            limiter: NonZeroU32::new(rate_limit_per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n))),
        }
    }

    /// Whether any key is configured (stored and active, or in the environment).
    pub fn keys_configured(&self) -> Result<bool, ApiError> {
        Ok(self.env_key_hash.is_some() || self.store.active_key_count().map_err(|e| ApiError::internal(e.to_string()))? > 0)
    }

    /// Creates and returns an admin key when the server is reachable from other hosts and
    /// no key is configured: such a server is never open.
    pub fn bootstrap_admin_key(&self) -> Result<Option<String>, sentra_store::StoreError> {
        if self.loopback || self.env_key_hash.is_some() || self.store.active_key_count()? > 0 {
            return Ok(None);
        }
        let new = sentra_store::NewKey { role: Role::Admin, tenant: DEFAULT_TENANT.into(), name: Some("bootstrap-admin".into()) };
        let (key, secret) = self.store.create_key(&new)?;
        let actor = crate::packs::Actor { name: "sentra serve".into(), role: "admin".into() };
        let details = serde_json::json!({"id": key.id, "role": key.role.as_str(), "reason": "no key configured on a non-loopback address"});
        crate::packs::audit(self.store.as_ref(), DEFAULT_TENANT, &actor, "key.create", &key.name, details, "ok");
        Ok(Some(secret))
    }

    fn identify(&self, presented: Option<&str>) -> Result<Option<Principal>, ApiError> {
        let Some(secret) = presented else {
            return Ok(None);
        };
        if let Some(hash) = &self.env_key_hash {
            let given = sentra_store::keys::hash_secret(secret);
            if sentra_store::keys::constant_time_eq(given.as_bytes(), hash.as_bytes()) {
                return Ok(Some(Principal { key_id: "env".into(), name: "GUARD_API_KEY".into(), role: Role::Admin, tenant: DEFAULT_TENANT.into() }));
            }
        }
        let key = self.store.authenticate(secret).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(key.map(|k| Principal { key_id: k.id, name: k.name, role: k.role, tenant: k.tenant }))
    }

    /// `Err` with seconds to wait when `who` is over the limit.
    fn check_rate(&self, who: &str) -> Result<(), u64> {
        let Some(limiter) = &self.limiter else { return Ok(()) };
        limiter.check_key(&who.to_string()).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })?;
        // Forget idle callers now and then so the table does not grow without bound.
        if limiter.len() > 10_000 {
            limiter.retain_recent();
        }
        Ok(())
    }
}

fn presented_key(req: &Request) -> Option<String> {
    let headers = req.headers();
    if let Some(v) = headers.get(API_KEY_HEADER).and_then(|v| v.to_str().ok()) {
        return Some(v.trim().to_string());
    }
    let auth = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = auth.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string())
}

fn client_ip(req: &Request) -> Option<IpAddr> {
    req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}

fn unauthorized(detail: &str) -> Response {
    let mut res = ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", detail).into_response();
    res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer, ApiKey header=\"X-API-Key\""));
    res
}

/// Identifies the caller, applies the rate limit and the route's permission, and puts the
/// [`Principal`] into the request for handlers.
pub async fn guard(State(state): State<Arc<AppState>>, mut req: Request, next: Next) -> Response {
    let presented = presented_key(&req);
    let ip = client_ip(&req).map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let auth = state.auth.clone();
    let checked = tokio::task::spawn_blocking(move || -> Result<(Option<Principal>, bool), ApiError> {
        let principal = auth.identify(presented.as_deref())?;
        let open = presented.is_none() && auth.loopback && !auth.keys_configured()?;
        Ok((principal, open))
    })
    .await;
    let (principal, open) = match checked {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return e.into_response(),
        Err(e) => return ApiError::internal(format!("authentication task failed: {e}")).into_response(),
    };
    let who = match &principal {
        Some(p) => format!("key:{}", p.key_id),
        None => format!("ip:{ip}"),
    };
    if let Err(secs) = state.auth.check_rate(&who) {
        let mut e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", format!("rate limit exceeded; retry in {secs} s"));
        e.retry_after = Some(secs.max(1));
        return e.into_response();
    }
    let principal = match principal {
        Some(p) => p,
        None if open => Principal { key_id: "none".into(), name: "anonymous".into(), role: Role::Admin, tenant: DEFAULT_TENANT.into() },
        None if req.headers().contains_key(API_KEY_HEADER) || req.headers().contains_key(header::AUTHORIZATION) => {
            return unauthorized("invalid or revoked API key");
        }
        None => return unauthorized("an API key is required: send it in the X-API-Key header or as Authorization: Bearer <key>"),
    };
    let path = req.extensions().get::<axum::extract::MatchedPath>().map(|m| m.as_str().to_string());
    let needed = path.as_deref().and_then(|p| route_permission(req.method().as_str(), p));
    // An open server (loopback, no key anywhere) is the operator's own: whoever reaches it
    // may also change operator settings, as they could edit the file.
    let open_operator = open && needed == Some(Permission::OperatorConfig);
    match needed {
        Some(perm) if !allows(principal.role, perm) && !open_operator => {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                format!("role `{}` lacks permission `{}` (key `{}`)", principal.role, perm.as_str(), principal.name),
            )
            .into_response();
        }
        Some(_) => {}
        // A protected route missing from the table is a bug: refuse rather than allow.
        None => return ApiError::internal(format!("no permission is declared for {} {}", req.method(), path.unwrap_or_default())).into_response(),
    }
    req.extensions_mut().insert(principal.clone());
    let mut res = next.run(req).await;
    // For the request log line, which runs outside this layer.
    res.extensions_mut().insert(principal);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_says_what_the_issue_says() {
        use Role::*;
        let can = |r, p| allows(r, p);
        assert!(Permission::ALL.iter().all(|p| can(Admin, *p)));
        assert!(can(SecurityLead, P::Reconcile) && can(SecurityLead, P::ApprovalReview) && !can(SecurityLead, P::PacksWrite));
        assert!(can(Developer, P::Scan) && !can(Developer, P::AuditRead));
        assert!(!can(Viewer, P::Scan) && can(Viewer, P::AuditRead) && can(Viewer, P::PacksRead));
        assert!(can(Agent, P::ApprovalRequest) && !can(Agent, P::PacksRead));
        // The operator's permission is in no tenant role, and the operator role has no other.
        assert!(Role::ALL.iter().all(|r| can(*r, P::OperatorConfig) == (*r == Operator)));
        assert!(Permission::ALL.iter().all(|p| !can(Operator, *p)));
    }

    #[test]
    fn the_rate_limit_trips() {
        let dir = std::env::temp_dir().join(format!("sentra-auth-test-{}", std::process::id()));
        let store = Arc::new(sentra_store::SqliteStore::open(&dir).unwrap());
        let auth = Auth::new(store, None, true, 2);
        assert!(auth.check_rate("ip:1").is_ok() && auth.check_rate("ip:1").is_ok());
        assert!(auth.check_rate("ip:1").unwrap_err() >= 1);
        assert!(auth.check_rate("ip:2").is_ok(), "limits are per caller");
        let _ = std::fs::remove_dir_all(dir);
    }
}
