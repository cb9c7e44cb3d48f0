//! Recurses without end on every file: the guest's stack overflows, which wasmtime turns
//! into a trap. The host must mark the pack errored and keep serving.
use sentra_sdk::{File, Findings, Pack, PackMeta, Rule};

struct P;
impl Pack for P {
    fn info() -> PackMeta {
        PackMeta::new("test-recursion", "Stack overflow test pack")
    }
    fn rules() -> Vec<Rule> {
        vec![Rule::check("DEEP-001", "Recurses forever")]
    }
    fn check(_rule: &Rule, file: &File<'_>, out: &mut Findings) {
        let depth = deeper(file.contents.len() as u64, &mut [0u8; 512]);
        out.report_line(depth as u32);
    }
}

// `black_box` keeps the frame (and the buffer) from being optimised into a loop; the
// recursion without a base case is the point of this pack.
#[allow(unconditional_recursion)]
#[inline(never)]
fn deeper(n: u64, buf: &mut [u8; 512]) -> u64 {
    buf[(n % 512) as usize] = n as u8;
    let mut next = [0u8; 512];
    core::hint::black_box(&mut next);
    1 + deeper(core::hint::black_box(n + 1), &mut next) + u64::from(buf[0])
}
sentra_sdk::export_pack!(P);
