// Fixture (rs): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-RUST
sync().ok();
// ruleid: IEC62304-SWALLOW-RUST
    Err(_) => {}
// ok: IEC62304-SWALLOW-RUST
let outcome = sync().ok();
// ok: IEC62304-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
// ruleid: IEC62304-ASSERT-CHECK-RUST
debug_assert!(user.is_admin());
// ok: IEC62304-ASSERT-CHECK-RUST
assert!(user.is_admin());
// ruleid: IEC62304-HARDCODED-PASSWORD
const DB_PASSWORD: &str = "hunter2-prod-billing";
// ok: IEC62304-HARDCODED-PASSWORD
let db_password = std::env::var("DB_PASSWORD")?;
