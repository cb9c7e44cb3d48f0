#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sentra_fuzz_targets::component(data));
