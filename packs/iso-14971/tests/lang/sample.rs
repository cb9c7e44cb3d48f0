// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: ISO14971-SWALLOW-RUST
sync().ok();
// ruleid: ISO14971-SWALLOW-RUST
    Err(_) => {}
// ok: ISO14971-SWALLOW-RUST
let outcome = sync().ok();
// ok: ISO14971-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
// ruleid: ISO14971-ASSERT-CHECK-RUST
debug_assert!(user.is_admin());
// ok: ISO14971-ASSERT-CHECK-RUST
assert!(user.is_admin());
