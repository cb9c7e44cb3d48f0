use std::mem::transmute;
use std::process::Command;

fn read(ptr: *const u8) -> u8 {
    let v = unsafe { *ptr }; // ruleid: RS-UNSAFE-NO-SAFETY
    let w = unsafe { *ptr }; // SAFETY: ptr is valid for reads. ok: RS-UNSAFE-NO-SAFETY
    // SAFETY: the buffer outlives the call.
    // ok: RS-UNSAFE-NO-SAFETY
    let n = unsafe { libc::write(1, buf.as_ptr().cast(), buf.len()) };
    v
}

// Lookalike declarations named like the flagged calls.
// ok: RS-TRANSMUTE
fn transmute(x: u32) -> f32 { f32::from_bits(x) }
// ok: RS-TLS-DANGER-ACCEPT-INVALID
fn danger_accept_invalid_certs(self, accept: bool) -> Self { self }
// ok: RS-UNWRAP-REQUEST
fn unwrap(self) -> T { self.0 }

async fn tls(ca: Certificate, insecure: bool) -> Result<()> {
    // ruleid: RS-TLS-DANGER-ACCEPT-INVALID
    let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
    // ok: RS-TLS-DANGER-ACCEPT-INVALID
    let client = reqwest::Client::builder().add_root_certificate(ca).build()?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        // ruleid: RS-TLS-DANGER-ACCEPT-INVALID
        .danger_accept_invalid_hostnames(true)
        .build()?;
    // ruleid: RS-TLS-DANGER-ACCEPT-INVALID
    builder.set_verify(SslVerifyMode::NONE);
    // ruleid: RS-TLS-DANGER-ACCEPT-INVALID
    connector.set_verify(openssl::ssl::SslVerifyMode::NONE);
    let config = ClientConfig::builder()
        // ruleid: RS-TLS-DANGER-ACCEPT-INVALID
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(NoVerifier))
        .with_no_client_auth();
    // ruleid: RS-TLS-DANGER-ACCEPT-INVALID
    config.dangerous().set_certificate_verifier(Arc::new(NoVerifier));
    // ok: RS-TLS-DANGER-ACCEPT-INVALID
    let client = reqwest::Client::builder().danger_accept_invalid_certs(false).build()?;
    // ok: RS-TLS-DANGER-ACCEPT-INVALID
    let client = reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()?;
    // ok: RS-TLS-DANGER-ACCEPT-INVALID
    builder.set_verify(SslVerifyMode::PEER);
    // ok: RS-TLS-DANGER-ACCEPT-INVALID
    let help = "call .danger_accept_invalid_certs(true) only in tests";
    // ok: RS-TLS-DANGER-ACCEPT-INVALID
    // builder.set_verify(SslVerifyMode::NONE);
    Ok(())
}

fn hashes(password: &str, token: &[u8], data: &[u8], api_key: &str) {
    // ruleid: RS-WEAK-HASH-SECRET
    let h = Md5::digest(password.as_bytes());
    // ok: RS-WEAK-HASH-SECRET
    let h = Sha256::digest(password.as_bytes());
    // ruleid: RS-WEAK-HASH-SECRET
    let d = md5::compute(token);
    // ruleid: RS-WEAK-HASH-SECRET
    let s = sha1_smol::Sha1::from(api_key).digest().to_string();
    // ruleid: RS-WEAK-HASH-SECRET
    let s = sha1::Sha1::digest(format!("{}:{}", user, password));
    // ok: RS-WEAK-HASH-SECRET
    let etag = md5::compute(data);
    // ok: RS-WEAK-HASH-SECRET
    let fixed = md5::compute(b"cache-key-v1");
    // ok: RS-WEAK-HASH-SECRET
    let msg = "never md5::compute(password)";
    // ok: RS-WEAK-HASH-SECRET
    // let h = Md5::digest(password.as_bytes());
}

async fn handler(req: HttpRequest, query: Query<HashMap<String, String>>, cfg: Config) -> Result<()> {
    // ruleid: RS-UNWRAP-REQUEST
    let page: u32 = query.get("page").unwrap().parse().unwrap();
    // ok: RS-UNWRAP-REQUEST
    let page: u32 = query.get("page").map(|p| p.parse()).transpose()?.unwrap_or(1);
    // ruleid: RS-UNWRAP-REQUEST
    let agent = req.headers().get("user-agent").unwrap().to_str().unwrap();
    // ruleid: RS-UNWRAP-REQUEST
    let id = req.match_info().get("id").unwrap().parse::<u64>().unwrap();
    let id: u64 = req
        .match_info()
        .query("id")
        // ruleid: RS-UNWRAP-REQUEST
        .parse()
        .unwrap();
    // ok: RS-UNWRAP-REQUEST
    let state = req.extensions().get::<AppState>().unwrap();
    // ok: RS-UNWRAP-REQUEST
    let etag = res.headers().get("etag").unwrap();
    // ok: RS-UNWRAP-REQUEST
    let port: u16 = cfg.get("body").unwrap().parse().unwrap();
    // ok: RS-UNWRAP-REQUEST
    let limit: u32 = std::env::var("LIMIT").unwrap().parse().unwrap();
    // ok: RS-UNWRAP-REQUEST
    let id: u64 = req.match_info().query("id").parse()?;
    // ok: RS-UNWRAP-REQUEST
    let doc = "query.get(\"page\").unwrap().parse().unwrap()";
    // ok: RS-UNWRAP-REQUEST
    // let page: u32 = query.get("page").unwrap().parse().unwrap();
    Ok(())
}

fn commands(name: &str) -> io::Result<()> {
    // ruleid: RS-COMMAND-SHELL
    Command::new("sh").arg("-c").arg(format!("tar xf {name}")).status()?;
    // ok: RS-COMMAND-SHELL
    Command::new("tar").arg("xf").arg(&name).status()?;
    // ruleid: RS-COMMAND-SHELL
    std::process::Command::new("/bin/bash")
        .args(["-c", name])
        .status()?;
    // ruleid: RS-COMMAND-SHELL
    tokio::process::Command::new("cmd").args(&["/C", name]).spawn()?;
    // ruleid: RS-COMMAND-SHELL
    Command::new("powershell").args(vec!["-Command", name]).output()?;
    // ok: RS-COMMAND-SHELL
    Command::new("sh").arg("./install.sh").arg(name).status()?;
    // ok: RS-COMMAND-SHELL
    Command::new("git").args(["-c", "core.editor=true", "commit"]).status()?;
    // ok: RS-COMMAND-SHELL
    let doc = r#"Command::new("sh").arg("-c")"#;
    // ok: RS-COMMAND-SHELL
    // Command::new("sh").arg("-c").arg(cmd).status()?;
    Ok(())
}

async fn sql(pool: &PgPool, conn: &Connection, name: &str, table: &str, term: &str) -> Result<()> {
    // ruleid: RS-SQL-FORMAT
    sqlx::query(&format!("SELECT * FROM users WHERE name = '{name}'")).fetch_all(&pool).await?;
    // ok: RS-SQL-FORMAT
    sqlx::query("SELECT * FROM users WHERE name = $1").bind(&name).fetch_all(&pool).await?;
    // ok: RS-SQL-FORMAT
    let uri = Uri::builder().path_and_query(format!("/search?q={}", term)).build()?;
    // ruleid: RS-SQL-FORMAT
    conn.execute(&format!("DELETE FROM users WHERE id = {}", id), [])?;
    // ruleid: RS-SQL-FORMAT
    let rows = sqlx::query_as::<_, User>(&format!("SELECT * FROM users WHERE name LIKE '{}%'", term))
        .fetch_all(pool)
        .await?;
    // ruleid: RS-SQL-FORMAT
    let mut stmt = conn.prepare(&format!(r#"SELECT id FROM users WHERE id IN ({})"#, ids))?;
    // ok: RS-SQL-FORMAT
    conn.execute(&format!("VACUUM {table}"), [])?;
    // ok: RS-SQL-FORMAT
    let msg = format!("query(&format!(\"... WHERE name = '{name}'\"))");
    // ok: RS-SQL-FORMAT
    // sqlx::query(&format!("SELECT * FROM users WHERE name = '{name}'"))
    Ok(())
}

struct Session {
    user: String,
    token: u64,
}

fn randoms(user: String) {
    // ruleid: RS-INSECURE-RANDOM-SECRET
    let session_token = fastrand::u64(..);
    // ok: RS-INSECURE-RANDOM-SECRET
    let jitter = fastrand::u64(..100);
    // ruleid: RS-INSECURE-RANDOM-SECRET
    let mut api_key: u128 = SmallRng::from_entropy().gen::<u128>();
    // ruleid: RS-INSECURE-RANDOM-SECRET
    let nonce = hex::encode(fastrand::u64(..).to_be_bytes());
    // ruleid: RS-INSECURE-RANDOM-SECRET
    let s = Session { user, token: fastrand::u64(..) };
    // ruleid: RS-INSECURE-RANDOM-SECRET
    self.reset_token = rand::rngs::SmallRng::seed_from_u64(7).next_u64();
    // ok: RS-INSECURE-RANDOM-SECRET
    let session_token = OsRng.next_u64();
    // ok: RS-INSECURE-RANDOM-SECRET
    let keyboard_delay = fastrand::u64(..50);
    // ok: RS-INSECURE-RANDOM-SECRET
    let token_hint = "use fastrand::u64(..) for jitter only";
    // ok: RS-INSECURE-RANDOM-SECRET
    // let token = fastrand::u64(..);
}

fn casts(bits: u32, x: Wrapper) {
    // ruleid: RS-TRANSMUTE
    let f: f32 = unsafe { std::mem::transmute(bits) }; // SAFETY: same size.
    // ok: RS-TRANSMUTE
    let f = f32::from_bits(bits);
    // SAFETY: u32 and f32 have the same size.
    // ruleid: RS-TRANSMUTE
    let g = unsafe { transmute::<u32, f32>(bits) };
    // SAFETY: same layout.
    // ruleid: RS-TRANSMUTE
    let h: [u8; 4] = unsafe { mem::transmute(bits) };
    // ok: RS-TRANSMUTE
    let y = x.transmute();
    // ok: RS-TRANSMUTE
    let z = safe_cast::transmute(bits);
    // ok: RS-TRANSMUTE
    let note = "std::mem::transmute(bits) is unsound here";
    // ok: RS-TRANSMUTE
    // let f: f32 = unsafe { std::mem::transmute(bits) };
}

fn cors(origins: Vec<HeaderValue>) {
    // ruleid: RS-CORS-PERMISSIVE
    let cors = CorsLayer::permissive();
    // ok: RS-CORS-PERMISSIVE
    let cors = CorsLayer::new().allow_origin(AllowOrigin::list(origins));
    // ruleid: RS-CORS-PERMISSIVE
    let cors = tower_http::cors::CorsLayer::very_permissive();
    // ruleid: RS-CORS-PERMISSIVE
    let cors = CorsLayer::new().allow_origin(Any).allow_methods([Method::GET]);
    let cors = CorsLayer::new()
        // ruleid: RS-CORS-PERMISSIVE
        .allow_origin("*".parse::<HeaderValue>().unwrap());
    // ruleid: RS-CORS-PERMISSIVE
    let cors = Cors::default().allow_any_origin();
    // ok: RS-CORS-PERMISSIVE
    let cors = CorsLayer::new().allow_origin("https://app.example.com".parse::<HeaderValue>().unwrap());
    // ok: RS-CORS-PERMISSIVE
    let cors = CorsLayer::new().allow_methods(Any);
    // ok: RS-CORS-PERMISSIVE
    let note = "CorsLayer::permissive() is for local development";
    // ok: RS-CORS-PERMISSIVE
    // let cors = CorsLayer::permissive();
}

fn logging(user: &str, password: &str, token: &str) {
    // ruleid: RS-SECRET-IN-LOG
    info!("login with {password}");
    // ok: RS-SECRET-IN-LOG
    info!("login for {user}");
    // ruleid: RS-SECRET-IN-LOG
    tracing::debug!("issued {token:?} to {user}");
    // ruleid: RS-SECRET-IN-LOG
    println!("user {} password {}", user, password);
    // ruleid: RS-SECRET-IN-LOG
    tracing::info!(user, token = %token, "session issued");
    // ok: RS-SECRET-IN-LOG
    info!("password length {}", password.len());
    // ok: RS-SECRET-IN-LOG
    info!("password reset requested for {user}");
    // ok: RS-SECRET-IN-LOG
    let line = format!("login with {password}");
    // ok: RS-SECRET-IN-LOG
    // info!("login with {password}");
}
