fn read(ptr: *const u8) -> u8 {
    let v = unsafe { *ptr }; // ruleid: RS-UNSAFE-NO-SAFETY
    let w = unsafe { *ptr }; // SAFETY: ptr is valid for reads. ok: RS-UNSAFE-NO-SAFETY
    // SAFETY: the buffer outlives the call.
    // ok: RS-UNSAFE-NO-SAFETY
    let n = unsafe { libc::write(1, buf.as_ptr().cast(), buf.len()) };
    v
}
// ruleid: RS-TLS-DANGER-ACCEPT-INVALID
let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
// ok: RS-TLS-DANGER-ACCEPT-INVALID
let client = reqwest::Client::builder().add_root_certificate(ca).build()?;
// ruleid: RS-WEAK-HASH-SECRET
let h = Md5::digest(password.as_bytes());
// ok: RS-WEAK-HASH-SECRET
let h = Sha256::digest(password.as_bytes());
// ruleid: RS-UNWRAP-REQUEST
let page: u32 = query.get("page").unwrap().parse().unwrap();
// ok: RS-UNWRAP-REQUEST
let page: u32 = query.get("page").map(|p| p.parse()).transpose()?.unwrap_or(1);
// ruleid: RS-COMMAND-SHELL
Command::new("sh").arg("-c").arg(format!("tar xf {name}")).status()?;
// ok: RS-COMMAND-SHELL
Command::new("tar").arg("xf").arg(&name).status()?;
// ruleid: RS-SQL-FORMAT
sqlx::query(&format!("SELECT * FROM users WHERE name = '{name}'")).fetch_all(&pool).await?;
// ok: RS-SQL-FORMAT
sqlx::query("SELECT * FROM users WHERE name = $1").bind(&name).fetch_all(&pool).await?;
// ok: RS-SQL-FORMAT
let uri = Uri::builder().path_and_query(format!("/search?q={}", term)).build()?;
// ruleid: RS-INSECURE-RANDOM-SECRET
let session_token = fastrand::u64(..);
// ok: RS-INSECURE-RANDOM-SECRET
let jitter = fastrand::u64(..100);
// ruleid: RS-TRANSMUTE
let f: f32 = unsafe { std::mem::transmute(bits) }; // SAFETY: same size.
// ok: RS-TRANSMUTE
let f = f32::from_bits(bits);
// ruleid: RS-CORS-PERMISSIVE
let cors = CorsLayer::permissive();
// ok: RS-CORS-PERMISSIVE
let cors = CorsLayer::new().allow_origin(AllowOrigin::list(origins));
// ruleid: RS-SECRET-IN-LOG
info!("login with {password}");
// ok: RS-SECRET-IN-LOG
info!("login for {user}");
