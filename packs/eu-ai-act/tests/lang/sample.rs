// Fixture (rs): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-SWALLOW-RUST
sync().ok();
// ruleid: EUAI-SWALLOW-RUST
    Err(_) => {}
// ok: EUAI-SWALLOW-RUST
let outcome = sync().ok();
// ok: EUAI-SWALLOW-RUST
    Err(e) => log::error!("sync failed: {e}"),
