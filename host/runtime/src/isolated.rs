//! Compiling untrusted components in a child process. Cranelift on an adversarial `.wasm`
//! can take minutes and gigabytes, and a compile cannot be interrupted in-process; a child
//! can be given a memory limit and killed at a deadline. The child (`sentra`'s hidden
//! `__compile-component` command) writes wasmtime's serialized artifact, which the parent
//! loads like an entry of its own compile cache.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use wasmtime::Engine;

/// Wall-clock time one imported component may take to compile before it is refused.
pub const DEFAULT_COMPILE_TIMEOUT: Duration = Duration::from_secs(120);
/// Memory (the child's data segment limit) one compile may use before it is refused.
pub const DEFAULT_COMPILE_MEMORY_BYTES: u64 = 2 << 30;
/// Compiles running at once; more wait their turn.
pub const MAX_CONCURRENT_COMPILES: usize = 2;
/// Largest artifact read back from the child.
const MAX_ARTIFACT_BYTES: u64 = 1 << 30;
/// The child's error output kept for the refusal message.
const MAX_CHILD_ERROR_BYTES: u64 = 4 << 10;

/// How to run the compiler child: `program args... LIMIT` reads a component on stdin and
/// writes the artifact on stdout. The parent watches the child's resident memory and kills
/// it past `memory_bytes`; the child also limits its own data segment to `LIMIT` (twice
/// that), a backstop should it grow faster than the parent looks.
#[derive(Clone, Debug)]
pub struct IsolatedCompiler {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub timeout: Duration,
    pub memory_bytes: u64,
}

/// Counts compiles in flight so at most [`MAX_CONCURRENT_COMPILES`] run at once.
#[derive(Default)]
pub(crate) struct CompileSlots {
    busy: Mutex<usize>,
    freed: Condvar,
}

impl CompileSlots {
    fn acquire(&self) -> SlotGuard<'_> {
        let mut busy = self.busy.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while *busy >= MAX_CONCURRENT_COMPILES {
            busy = self.freed.wait(busy).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *busy += 1;
        SlotGuard(self)
    }
}

struct SlotGuard<'a>(&'a CompileSlots);

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        *self.0.busy.lock().unwrap_or_else(std::sync::PoisonError::into_inner) -= 1;
        self.0.freed.notify_one();
    }
}

/// The child's side: compiles `bytes` for an engine configured as the host's.
pub fn precompile_component(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let engine = Engine::new(&crate::engine_config()).map_err(|e| e.to_string())?;
    engine.precompile_component(bytes).map_err(|e| format!("{e:#}"))
}

impl IsolatedCompiler {
    /// Runs the child on `bytes` and returns its artifact, or why it was refused.
    pub(crate) fn compile(&self, slots: &CompileSlots, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let _slot = slots.acquire();
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .arg(self.memory_bytes.saturating_mul(2).to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start the compiler process: {e}"))?;
        let (mut stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
        let input = bytes.to_vec();
        // Each pipe on its own thread: the child may stop reading (killed, or failed) while
        // the parent writes, or fill one pipe while the parent reads the other.
        let writer = std::thread::spawn(move || stdin.as_mut().map(|s| s.write_all(&input)));
        let out = std::thread::spawn(move || read_bounded(stdout, MAX_ARTIFACT_BYTES));
        let err = std::thread::spawn(move || read_bounded(stderr, MAX_CHILD_ERROR_BYTES));
        let outcome = watch(&mut child, Instant::now() + self.timeout, self.memory_bytes);
        let _ = writer.join();
        let artifact = out.join().unwrap_or_default();
        let message = String::from_utf8_lossy(&err.join().unwrap_or_default()).trim().to_string();
        let over_memory = || format!("compiling needed more than the compile memory limit of {} MiB; refused", self.memory_bytes >> 20);
        match outcome {
            Outcome::TimedOut => Err(format!("compiling took longer than the limit of {:?}; refused", self.timeout)),
            Outcome::OverMemory => Err(over_memory()),
            Outcome::Exited(s) if s.success() => Ok(artifact),
            // Exit 1 with a message: the component does not compile (the message says why).
            Outcome::Exited(s) if s.code() == Some(1) && !message.is_empty() => Err(message),
            // Killed by a signal or aborted: the data-segment backstop (an allocation failed).
            Outcome::Exited(s) => Err(format!("{} (the compiler process ended with {s})", over_memory())),
        }
    }
}

/// How a compiler child ended.
enum Outcome {
    Exited(std::process::ExitStatus),
    TimedOut,
    OverMemory,
}

/// Waits for the child until `deadline`, checking its resident memory as it goes; past
/// either bound, kills it.
fn watch(child: &mut std::process::Child, deadline: Instant, memory_bytes: u64) -> Outcome {
    loop {
        let outcome = match child.try_wait() {
            Ok(Some(status)) => return Outcome::Exited(status),
            Ok(None) if Instant::now() >= deadline => Outcome::TimedOut,
            Ok(None) if resident_bytes(child.id()).is_some_and(|b| b > memory_bytes) => Outcome::OverMemory,
            Ok(None) => {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
            Err(_) => Outcome::TimedOut,
        };
        let _ = child.kill();
        let _ = child.wait();
        return outcome;
    }
}

/// A process's resident memory (Linux `/proc`; `None` elsewhere, where the child's own
/// data-segment limit is the bound).
fn resident_bytes(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * PAGE_BYTES)
}

/// Page size assumed for `/proc/<pid>/statm` (4 KiB on the platforms sentra serves on).
const PAGE_BYTES: u64 = 4096;

fn read_bounded(pipe: Option<impl Read>, limit: u64) -> Vec<u8> {
    let mut buf = Vec::new();
    if let Some(p) = pipe {
        let _ = p.take(limit).read_to_end(&mut buf);
    }
    buf
}
