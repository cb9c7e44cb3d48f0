//! The one error shape every layer answers with: `{"detail", "code"}`, plus `errors`
//! (`loc`, `msg`, `type`) on 422. Body parsing failures, unknown routes, wrong methods and
//! handler panics are all mapped here so a client never sees a non-JSON error.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// One field-level validation problem (422).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// Where: `["body", "config_overrides", "gate_fail_on"]`.
    pub loc: Vec<String>,
    pub msg: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// The error body every failing request gets.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// A human-readable message naming what was wrong.
    pub detail: String,
    /// A stable snake_case code (`validation_error`, `path_outside_root`, ...).
    pub code: String,
    /// Field-level problems (422 only).
    pub errors: Option<Vec<FieldError>>,
}

#[derive(Debug, Serialize)]
struct Body<'a> {
    detail: &'a str,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [FieldError]>,
}

/// An error response.
#[derive(Debug, thiserror::Error)]
#[error("{status} {code}: {detail}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub errors: Option<Vec<FieldError>>,
    /// Seconds, for 429 and 503.
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self { status, code, detail: detail.into(), errors: None, retry_after: None }
    }
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }
    /// A 422 with one field error.
    pub fn invalid(loc: &[&str], msg: impl Into<String>, kind: &str) -> Self {
        let msg = msg.into();
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_error",
            detail: format!("{}: {msg}", loc.join(".")),
            errors: Some(vec![FieldError { loc: loc.iter().map(|s| s.to_string()).collect(), msg, kind: kind.into() }]),
            retry_after: None,
        }
    }
    /// A 422 with several field errors.
    pub fn invalid_many(errors: impl IntoIterator<Item = FieldError>) -> Self {
        let errors: Vec<FieldError> = errors.into_iter().collect();
        let detail = errors.iter().map(|e| format!("{}: {}", e.loc.join("."), e.msg)).collect::<Vec<_>>().join("; ");
        Self { status: StatusCode::UNPROCESSABLE_ENTITY, code: "validation_error", detail, errors: Some(errors), retry_after: None }
    }
    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", detail)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body { detail: &self.detail, code: self.code, errors: self.errors.as_deref() };
        let mut res = (self.status, Json(&body)).into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// Parses a JSON body that may be absent (empty, or JSON `null`, means all defaults).
/// Type errors name the field path in `loc`.
pub fn parse_optional_body<T: serde::de::DeserializeOwned + Default>(
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<T, ApiError> {
    let bytes = body_bytes(body)?;
    if is_absent(&bytes) {
        return Ok(T::default());
    }
    deserialize_body(&bytes)
}

/// Bodies up to this size are parsed where they arrive; larger ones on the blocking pool,
/// so megabytes of JSON never hold an async worker (and `/health` with it).
pub const PARSE_INLINE_BYTES: usize = 64 << 10;

/// [`parse_optional_body`], off the async threads when the body is large.
pub async fn parse_optional_body_async<T: serde::de::DeserializeOwned + Default + Send + 'static>(
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<T, ApiError> {
    let bytes = body_bytes(body)?;
    let large = bytes.len() > PARSE_INLINE_BYTES;
    let parse = move || if is_absent(&bytes) { Ok(T::default()) } else { deserialize_body(&bytes) };
    if large { blocking(parse).await } else { parse() }
}

/// [`parse_required_body`], off the async threads when the body is large.
pub async fn parse_required_body_async<T: serde::de::DeserializeOwned + Send + 'static>(
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<T, ApiError> {
    let bytes = body_bytes(body)?;
    let large = bytes.len() > PARSE_INLINE_BYTES;
    let parse = move || parse_required_body(Ok(bytes));
    if large { blocking(parse).await } else { parse() }
}

/// Parses a JSON body the operation cannot do without: an empty or `null` body is a 422
/// rather than "all defaults", so that (say) a bodiless `POST /api/governance` cannot
/// silently reset the settings.
pub fn parse_required_body<T: serde::de::DeserializeOwned>(body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>) -> Result<T, ApiError> {
    let bytes = body_bytes(body)?;
    if is_absent(&bytes) {
        return Err(ApiError::invalid(&["body"], "a JSON object is required", "missing"));
    }
    deserialize_body(&bytes)
}

fn body_bytes(body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>) -> Result<axum::body::Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "the request body is too large")
        } else {
            ApiError::bad_request("bad_request", e.body_text())
        }
    })
}

fn is_absent(bytes: &[u8]) -> bool {
    let trimmed = bytes.trim_ascii();
    trimmed.is_empty() || trimmed == b"null"
}

fn deserialize_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let field = |loc: Vec<String>, msg: String, kind: &str| ApiError::invalid_many([FieldError { loc, msg, kind: kind.into() }]);
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| field(vec!["body".into()], e.to_string(), "json_invalid"))?;
    if !value.is_object() {
        return Err(ApiError::invalid(&["body"], "expected a JSON object", "type_error"));
    }
    serde_path_to_error::deserialize(crate::strict_json::Strict(&value)).map_err(|e| {
        let mut loc = vec!["body".to_string()];
        loc.extend(e.path().iter().map(|seg| seg.to_string()).filter(|s| s != "?"));
        field(loc, e.inner().to_string(), "type_error")
    })
}

pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such route")
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "method not allowed on this route")
}

/// A handler panic becomes a JSON 500; the server stays up.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::internal("internal error (a handler panicked; see the server log)").into_response()
}

/// Runs blocking work (the store, pack loading) off the async threads.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, ApiError> + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || {
        crate::lower_this_thread();
        f()
    })
    .await
    .map_err(|e| ApiError::internal(format!("task failed: {e}")))?
}

/// A 500 from any displayable error.
pub fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::internal(e.to_string())
}

/// `axum::extract::Path` whose rejection (a segment that does not parse, such as an id
/// past `i64::MAX`) is the JSON error shape, 400 `invalid_path`, instead of axum's text.
pub struct UrlPath<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> axum::extract::FromRequestParts<S> for UrlPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Self(value)),
            Err(e) => Err(ApiError::bad_request("invalid_path", e.body_text())),
        }
    }
}

/// A numeric query parameter within its range, `default` when absent.
pub(crate) fn range(name: &str, v: Option<i64>, default: i64, lo: i64, hi: i64) -> Result<i64, ApiError> {
    let v = v.unwrap_or(default);
    if (lo..=hi).contains(&v) { Ok(v) } else { Err(ApiError::invalid(&["query", name], format!("{v} is out of range ({lo} to {hi})"), "value_error")) }
}

/// The parsed query string, or 422 naming what is wrong with it.
pub(crate) fn query<T>(q: Result<axum::extract::Query<T>, axum::extract::rejection::QueryRejection>) -> Result<T, ApiError> {
    q.map(|axum::extract::Query(q)| q).map_err(|e| ApiError::invalid(&["query"], e.body_text(), "type_error"))
}
